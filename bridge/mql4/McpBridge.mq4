//+------------------------------------------------------------------+
//| McpBridge.mq4: the MetaTrader MCP bridge for MetaTrader 4.        |
//| Same protocol as McpBridge.mq5 (bridge/PROTOCOL.md) within MQL4's |
//| limits: no depth of market, no tick history, no OnTradeTransaction|
//| (trade_tx events are synthesised by diffing the order list every  |
//| timer pass), MT4 error codes mapped to MT5 retcodes.              |
//|                                                                  |
//| Transport: Winsock (ws2_32.dll) client, so "Allow DLL imports"    |
//| must be on for this EA. The MQL4 reference lists the Socket*      |
//| functions only under "MQL5 features"; ws2_32 works on every MT4   |
//| build and under Wine. IPv4 address only (use 127.0.0.1 and an SSH |
//| tunnel for remote servers); no TLS.                               |
//|                                                                  |
//| Install: copy to MQL4/Experts, copy bridge/mql5/Include/McpBridge |
//| to MQL4/Include/McpBridge, compile. Setup: docs/bridge-setup.md.  |
//+------------------------------------------------------------------+
#property copyright "MetaTrader MCP Server"
#property version   "1.00"
#property strict
#property description "Bridge to the MetaTrader MCP server (NDJSON over TCP, Winsock)."
#property description "Needs 'Allow DLL imports' and 'Allow live trading'."

#include <McpBridge/Link.mqh>
#include <McpBridge/Trade.mqh>

#define EA_VERSION       "1.0.0"
#define HISTORY_PAGE     1000     // deals/orders per history answer (about 500 bytes each)
#define MAX_PAGE         5000     // bars per answer (keeps a line under 1 MiB)
#define BAR_POLL_MS      200
#define ACCOUNT_POLL_MS  250
#define AF_INET          2
#define SOCK_STREAM      1
#define IPPROTO_TCP      6
#define FIONBIO          ((int)0x8004667E)
#define WSAEWOULDBLOCK   10035
#define INVALID_SOCKET_4 (-1)

#import "ws2_32.dll"
int  WSAStartup(int version, uchar &data[]);
int  WSACleanup(void);
int  WSAGetLastError(void);
int  socket(int af, int type, int protocol);
int  connect(int s, int &name[], int namelen);
int  send(int s, uchar &buf[], int len, int flags);
int  recv(int s, uchar &buf[], int len, int flags);
int  closesocket(int s);
int  ioctlsocket(int s, int cmd, int &argp);
uint inet_addr(uchar &cp[]);
ushort htons(ushort hostshort);
int  select(int nfds, int &readfds[], int &writefds[], int &exceptfds[], int &timeout[]);
#import

//--- inputs
input string InpHost      = "127.0.0.1";  // Server IPv4 address (MT4: no host names, no TLS)
input int    InpPort      = 5757;         // Server port (bridge.listen)
input string InpToken     = "";           // Token (bridge.token); never printed
input string InpTokenFile = "";           // Or: file in MQL4/Files holding the token
input string InpSymbols   = "";           // Symbols to add to Market Watch at start (comma-separated)
input int    InpTimerMs   = 25;           // Service loop period, ms (10-100)
input int    InpMaxLine   = 1048576;      // Longest accepted line, bytes
input int    InpSlippage  = 10;           // Default slippage in points when a request has no deviation

//--- transport
int      g_socket = INVALID_SOCKET_4;
bool     g_wsaStarted = false;
string   g_token = "";

//--- streaming state
string   g_tickSymbols[];
double   g_tickLastBid[];
double   g_tickLastAsk[];
bool     g_tickDirty[];
string   g_barSymbols[];
int      g_barTfs[];
datetime g_barLast[];
ulong    g_lastBarPollMs = 0;
ulong    g_lastAccountPollMs = 0;
bool     g_accountDirty = false;
double   g_accountLast[4];
bool     g_terminalConnected = false;
bool     g_terminalTradeAllowed = false;
int      g_serverOffset = 0;

//--- order snapshot for synthesised trade events
int      g_snapTicket[];
int      g_snapType[];
double   g_snapLots[];
double   g_snapPrice[];
double   g_snapSl[];
double   g_snapTp[];
string   g_snapSymbol[];
bool     g_snapReady = false;

const int    g_timeframes[] = {PERIOD_M1, PERIOD_M5, PERIOD_M15, PERIOD_M30, PERIOD_H1, PERIOD_H4, PERIOD_D1, PERIOD_W1, PERIOD_MN1};
const string g_timeframeNames[] = {"PERIOD_M1", "PERIOD_M5", "PERIOD_M15", "PERIOD_M30", "PERIOD_H1", "PERIOD_H4", "PERIOD_D1", "PERIOD_W1", "PERIOD_MN1"};
const string g_orderTypeNames[] = {"ORDER_TYPE_BUY", "ORDER_TYPE_SELL", "ORDER_TYPE_BUY_LIMIT", "ORDER_TYPE_SELL_LIMIT", "ORDER_TYPE_BUY_STOP", "ORDER_TYPE_SELL_STOP"};

//+------------------------------------------------------------------+
//| Lifecycle                                                         |
//+------------------------------------------------------------------+
int OnInit(void)
  {
   if(InpPort < 1 || InpPort > 65535)
     {
      Print("McpBridge: Port must be 1-65535, got ", InpPort);
      return INIT_PARAMETERS_INCORRECT;
     }
   if(InpTimerMs < 10 || InpTimerMs > 100)
     {
      Print("McpBridge: TimerMs must be 10-100, got ", InpTimerMs);
      return INIT_PARAMETERS_INCORRECT;
     }
   if(InpMaxLine < 65536)
     {
      Print("McpBridge: MaxLine must be at least 65536 bytes, got ", InpMaxLine);
      return INIT_PARAMETERS_INCORRECT;
     }
   if(!IsDllsAllowed())
     {
      Print("McpBridge: enable 'Allow DLL imports' (the MT4 bridge uses ws2_32.dll for its TCP connection)");
      return INIT_FAILED;
     }
   g_token = InpToken != "" ? InpToken : ReadTokenFile(InpTokenFile);
   if(g_token == "")
     {
      Print("McpBridge: set the Token input (or TokenFile) to the server's bridge.token");
      return INIT_PARAMETERS_INCORRECT;
     }
   uchar wsaData[400];
   if(WSAStartup(0x0202, wsaData) != 0)
     {
      Print("McpBridge: WSAStartup failed");
      return INIT_FAILED;
     }
   g_wsaStarted = true;
   SelectStartSymbols();
   McpConfigure(InpHost, InpPort, false, InpMaxLine);
   MathSrand((uint)GetTickCount());
   g_terminalConnected = IsConnected();
   g_terminalTradeAllowed = IsTradeAllowed();
   g_serverOffset = EstimateServerOffset(0);
   if(!EventSetMillisecondTimer(InpTimerMs))
     {
      Print("McpBridge: EventSetMillisecondTimer failed, error ", GetLastError());
      return INIT_FAILED;
     }
   return INIT_SUCCEEDED;
  }

void OnDeinit(const int reason)
  {
   EventKillTimer();
   McpClose("EA stopped, reason " + IntegerToString(reason));
   if(g_wsaStarted)
      WSACleanup();
   g_wsaStarted = false;
  }

void OnTimer(void)
  {
   PollEvents();
   McpService();
  }

void OnTick(void)
  {
   int i = McpIndexOf(g_tickSymbols, Symbol());
   if(i >= 0)
      PollTick(i);
  }

//+------------------------------------------------------------------+
//| Transport: Winsock, non-blocking after a bounded connect.         |
//+------------------------------------------------------------------+
bool TransportOpen(const string host, const int port, const bool tls, string &error)
  {
   if(tls)
     {
      error = "TLS is not available in the MT4 EA: use an SSH tunnel or stunnel to 127.0.0.1";
      return false;
     }
   uchar hostBytes[];
   StringToCharArray(host, hostBytes);
   uint address = inet_addr(hostBytes);
   if(address == 0xFFFFFFFF)
     {
      error = "Host must be an IPv4 address such as 127.0.0.1 (MT4 does not resolve names)";
      return false;
     }
   g_socket = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
   if(g_socket == INVALID_SOCKET_4)
     {
      error = "socket() failed, WSA error " + IntegerToString(WSAGetLastError());
      return false;
     }
   int nonBlocking = 1;
   ioctlsocket(g_socket, FIONBIO, nonBlocking);
   // sockaddr_in: family in the low 16 bits, port in network order in the high 16 bits, then the address.
   int sockaddr[4];
   sockaddr[0] = AF_INET | ((int)htons((ushort)port) << 16);
   sockaddr[1] = (int)address;
   sockaddr[2] = 0;
   sockaddr[3] = 0;
   if(connect(g_socket, sockaddr, 16) != 0 && WSAGetLastError() != WSAEWOULDBLOCK)
     {
      error = "connect() failed, WSA error " + IntegerToString(WSAGetLastError());
      TransportClose();
      return false;
     }
   // Wait at most 3 s for the connection (fd_set = {count, sockets[64]}, timeval = {s, us}).
   int readSet[65];
   int writeSet[65];
   int errorSet[65];
   int timeout[2];
   ArrayInitialize(readSet, 0);
   ArrayInitialize(writeSet, 0);
   ArrayInitialize(errorSet, 0);
   writeSet[0] = 1;
   writeSet[1] = g_socket;
   errorSet[0] = 1;
   errorSet[1] = g_socket;
   timeout[0] = 3;
   timeout[1] = 0;
   int ready = select(0, readSet, writeSet, errorSet, timeout);
   if(ready <= 0 || writeSet[0] != 1)
     {
      error = ready == 0 ? "connect timed out (is mtmcp serve running with a bridge token?)" : "connection refused";
      TransportClose();
      return false;
     }
   return true;
  }

int TransportSend(const uchar &data[], const int len)
  {
   if(g_socket == INVALID_SOCKET_4)
      return -1;
   // The import takes a writable array; copy so the link's buffer stays const.
   uchar chunk[];
   ArrayResize(chunk, len);
   ArrayCopy(chunk, data, 0, 0, len);
   int sent = send(g_socket, chunk, len, 0);
   if(sent >= 0)
      return sent;
   return WSAGetLastError() == WSAEWOULDBLOCK ? 0 : -1;
  }

int TransportRead(uchar &data[], const int maxLen)
  {
   if(g_socket == INVALID_SOCKET_4)
      return -1;
   ArrayResize(data, maxLen);
   int got = recv(g_socket, data, maxLen, 0);
   if(got > 0)
      return got;
   if(got == 0)
      return -1;   // orderly close by the server
   return WSAGetLastError() == WSAEWOULDBLOCK ? 0 : -1;
  }

void TransportClose(void)
  {
   if(g_socket != INVALID_SOCKET_4)
      closesocket(g_socket);
   g_socket = INVALID_SOCKET_4;
  }

//+------------------------------------------------------------------+
//| Handshake and heartbeat content                                   |
//+------------------------------------------------------------------+
//--- MQL4 has no TimeTradeServer: the offset is the last quote time minus UTC, rounded to 15 minutes, and only
//--- trusted while quotes are fresh (at weekends the previous value is kept).
int EstimateServerOffset(const int previous)
  {
   long diff = (long)TimeCurrent() - (long)TimeGMT();
   if(diff > 14 * 3600 || diff < -12 * 3600)
      return previous;
   return (int)(MathRound(diff / 900.0) * 900);
  }

void EaBuildHello(CJsonWriter &w)
  {
   w.Str("token", g_token);
   w.Int("proto", MCP_PROTO);
   w.Str("platform", "MT4");
   w.Str("ea_version", EA_VERSION);
   w.Int("terminal_build", TerminalInfoInteger(TERMINAL_BUILD));
   w.BeginObject("account");
   w.Int("login", AccountNumber());
   w.Str("server", AccountServer());
   w.Str("company", AccountCompany());
   w.Str("currency", AccountCurrency());
   w.Str("trade_mode", EnumToString((ENUM_ACCOUNT_TRADE_MODE)AccountInfoInteger(ACCOUNT_TRADE_MODE)));
   // MT4 keeps every order as its own position: hedging accounting.
   w.Str("margin_mode", "ACCOUNT_MARGIN_MODE_RETAIL_HEDGING");
   w.Int("leverage", AccountLeverage());
   w.EndObject();
   w.Int("server_time_offset_s", g_serverOffset);
   w.BeginArray("caps");
   w.Str("", "ticks");
   w.Str("", "bars");
   w.Str("", "trade");
   w.Str("", "history");
   w.Str("", "calc");
   w.Str("", "trade_tx_synthetic");
   w.EndArray();
  }

void EaOnWelcome(CJsonDoc &doc, const int data)
  {
   ArrayResize(g_tickSymbols, 0);
   ArrayResize(g_tickLastBid, 0);
   ArrayResize(g_tickLastAsk, 0);
   ArrayResize(g_tickDirty, 0);
   ArrayResize(g_barSymbols, 0);
   ArrayResize(g_barTfs, 0);
   ArrayResize(g_barLast, 0);
   string code = "", error = "";
   int subs = doc.Child(data, "subscriptions");
   if(subs >= 0 && !ApplySubscriptions(doc, subs, true, code, error))
      Print("McpBridge: could not restore a subscription: ", error);
   g_accountDirty = true;
  }

void EaBuildPong(CJsonWriter &w)
  {
   g_serverOffset = EstimateServerOffset(g_serverOffset);
   w.Int("queue", McpQueueLength());
   w.Int("dropped", g_dropped);
   w.Bool("terminal_connected", IsConnected());
   w.Int("server_time_offset_s", g_serverOffset);
  }

void EaOnLinkDown(void)
  {
   for(int i = 0; i < ArraySize(g_tickDirty); i++)
      g_tickDirty[i] = false;
  }

//+------------------------------------------------------------------+
//| Request dispatch: one handler per protocol op.                    |
//+------------------------------------------------------------------+
void EaHandleRequest(const string id, const string op, CJsonDoc &doc, const int data)
  {
   ResetLastError();
   if(op == "account.info")
     {
      OpAccountInfo(id);
      return;
     }
   if(op == "symbols.list")
     {
      OpSymbolsList(id, doc, data);
      return;
     }
   if(op == "symbol.spec")
     {
      OpSymbolSpec(id, doc, data);
      return;
     }
   if(op == "symbol.select")
     {
      OpSymbolSelect(id, doc, data);
      return;
     }
   if(op == "tick.last")
     {
      OpTickLast(id, doc, data);
      return;
     }
   if(op == "rates.get")
     {
      OpRatesGet(id, doc, data);
      return;
     }
   if(op == "ticks.get")
     {
      McpReplyError(id, "UNKNOWN_OP", "MT4 keeps no tick history (caps has no 'ticks.get'); use rates.get", 0);
      return;
     }
   if(op == "book.get")
     {
      McpReplyError(id, "UNKNOWN_OP", "MT4 has no depth of market (caps has no 'book')", 0);
      return;
     }
   if(op == "subscribe")
     {
      OpSubscribe(id, doc, data, true);
      return;
     }
   if(op == "unsubscribe")
     {
      OpSubscribe(id, doc, data, false);
      return;
     }
   if(op == "positions.list")
     {
      OpOrdersOrPositions(id, doc, data, true);
      return;
     }
   if(op == "orders.list")
     {
      OpOrdersOrPositions(id, doc, data, false);
      return;
     }
   if(op == "history.deals")
     {
      OpHistory(id, doc, data, true);
      return;
     }
   if(op == "history.orders")
     {
      OpHistory(id, doc, data, false);
      return;
     }
   if(op == "order.check")
     {
      OpOrderCheck(id, doc, data);
      return;
     }
   if(op == "calc.margin")
     {
      OpCalcMargin(id, doc, data);
      return;
     }
   if(op == "calc.profit")
     {
      OpCalcProfit(id, doc, data);
      return;
     }
   if(op == "trade.send")
     {
      OpTradeSend(id, doc, data);
      return;
     }
   if(op == "trade.close_position")
     {
      OpClosePosition(id, doc, data);
      return;
     }
   if(op == "trade.modify_position")
     {
      OpModifyPosition(id, doc, data);
      return;
     }
   if(op == "trade.cancel_order")
     {
      OpCancelOrder(id, doc, data);
      return;
     }
   McpReplyError(id, "UNKNOWN_OP", "this EA does not implement '" + op + "'", 0);
  }

//+------------------------------------------------------------------+
//| Helpers                                                           |
//+------------------------------------------------------------------+
int SymbolDigits(const string symbol) { return symbol == "" ? 8 : (int)MarketInfo(symbol, MODE_DIGITS); }

int VolumeDigits(const string symbol)
  {
   double step = symbol == "" ? 0.01 : MarketInfo(symbol, MODE_LOTSTEP);
   if(step <= 0)
      return 2;
   for(int d = 0; d < 8; d++)
     {
      double scaled = step * MathPow(10, d);
      if(MathAbs(scaled - MathRound(scaled)) < 1e-7)
         return d;
     }
   return 8;
  }

string OrderTypeName(const int type) { return type >= 0 && type < 6 ? g_orderTypeNames[type] : "ORDER_TYPE_UNKNOWN"; }

int OrderTypeOf(const string name)
  {
   for(int i = 0; i < 6; i++)
      if(g_orderTypeNames[i] == name)
         return i;
   return -1;
  }

bool ParseTimeframe(const string name, int &tf)
  {
   for(int i = 0; i < ArraySize(g_timeframes); i++)
      if(g_timeframeNames[i] == name)
        {
         tf = g_timeframes[i];
         return true;
        }
   return false;
  }

string TimeframeName(const int tf)
  {
   for(int i = 0; i < ArraySize(g_timeframes); i++)
      if(g_timeframes[i] == tf)
         return g_timeframeNames[i];
   return "PERIOD_CURRENT";
  }

bool RequireSymbol(const string id, const string symbol)
  {
   if(symbol == "")
     {
      McpReplyError(id, "INVALID_ARGUMENT", "'symbol' is required", 0);
      return false;
     }
   if(!SymbolSelect(symbol, true))
     {
      McpReplyError(id, "SYMBOL_NOT_FOUND", "symbol '" + symbol + "' is not offered by this broker", GetLastError());
      return false;
     }
   return true;
  }

string ReadTokenFile(const string name)
  {
   if(name == "")
      return "";
   int handle = FileOpen(name, FILE_READ | FILE_TXT | FILE_ANSI);
   if(handle == INVALID_HANDLE)
     {
      Print("McpBridge: cannot open token file MQL4/Files/", name, ", error ", GetLastError());
      return "";
     }
   string token = FileReadString(handle);
   FileClose(handle);
   return StringTrimLeft(StringTrimRight(token));
  }

void SelectStartSymbols(void)
  {
   string names[];
   int n = StringSplit(InpSymbols, ',', names);
   for(int i = 0; i < n; i++)
     {
      string name = StringTrimLeft(StringTrimRight(names[i]));
      if(name != "" && !SymbolSelect(name, true))
         Print("McpBridge: symbol ", name, " from the Symbols input is not available");
     }
  }

//+------------------------------------------------------------------+
//| Account and symbols                                               |
//+------------------------------------------------------------------+
void WriteAccountMoney(CJsonWriter &w)
  {
   w.Dbl("balance", AccountBalance(), 2);
   w.Dbl("credit", AccountCredit(), 2);
   w.Dbl("equity", AccountEquity(), 2);
   w.Dbl("profit", AccountProfit(), 2);
   w.Dbl("margin", AccountMargin(), 2);
   w.Dbl("margin_free", AccountFreeMargin(), 2);
   w.Dbl("margin_level", AccountMargin() > 0 ? AccountEquity() / AccountMargin() * 100.0 : 0.0, 2);
  }

void OpAccountInfo(const string id)
  {
   CJsonWriter w;
   w.BeginObject();
   w.Int("login", AccountNumber());
   w.Str("server", AccountServer());
   w.Str("name", AccountName());
   w.Str("company", AccountCompany());
   w.Str("currency", AccountCurrency());
   w.Int("currency_digits", 2);
   w.Int("leverage", AccountLeverage());
   w.Str("trade_mode", EnumToString((ENUM_ACCOUNT_TRADE_MODE)AccountInfoInteger(ACCOUNT_TRADE_MODE)));
   w.Str("margin_mode", "ACCOUNT_MARGIN_MODE_RETAIL_HEDGING");
   w.Str("margin_so_mode", EnumToString((ENUM_ACCOUNT_STOPOUT_MODE)AccountInfoInteger(ACCOUNT_MARGIN_SO_MODE)));
   w.Dbl("margin_so_call", AccountInfoDouble(ACCOUNT_MARGIN_SO_CALL), 2);
   w.Dbl("margin_so_so", AccountInfoDouble(ACCOUNT_MARGIN_SO_SO), 2);
   WriteAccountMoney(w);
   w.Bool("trade_allowed", AccountInfoInteger(ACCOUNT_TRADE_ALLOWED) != 0);
   w.Bool("trade_expert", AccountInfoInteger(ACCOUNT_TRADE_EXPERT) != 0);
   w.Bool("terminal_connected", IsConnected());
   w.Bool("terminal_trade_allowed", TerminalInfoInteger(TERMINAL_TRADE_ALLOWED) != 0);
   w.Bool("mql_trade_allowed", IsTradeAllowed());
   g_serverOffset = EstimateServerOffset(g_serverOffset);
   w.Int("server_time_offset_s", g_serverOffset);
   w.EndObject();
   McpReplyOk(id, w.Text());
  }

void OpSymbolsList(const string id, CJsonDoc &doc, const int data)
  {
   bool selected = doc.GetBool(data, "selected_only", false);
   int total = SymbolsTotal(selected);
   CJsonWriter w;
   w.BeginObject();
   w.BeginArray("symbols");
   for(int i = 0; i < total; i++)
      w.Str("", SymbolName(i, selected));
   w.EndArray();
   w.EndObject();
   McpReplyOk(id, w.Text());
  }

void WriteSessions(CJsonWriter &w, const string key, const string symbol, const bool trade)
  {
   w.BeginArray(key);
   for(int day = 0; day < 7; day++)
     {
      w.BeginArray();
      for(uint index = 0; index < 16; index++)
        {
         datetime from = 0, to = 0;
         bool found = trade ? SymbolInfoSessionTrade(symbol, (ENUM_DAY_OF_WEEK)day, index, from, to)
                      : SymbolInfoSessionQuote(symbol, (ENUM_DAY_OF_WEEK)day, index, from, to);
         if(!found)
            break;
         w.BeginArray();
         w.Int("", (long)from);
         w.Int("", (long)to);
         w.EndArray();
        }
      w.EndArray();
     }
   w.EndArray();
  }

void OpSymbolSpec(const string id, CJsonDoc &doc, const int data)
  {
   string s = doc.GetString(data, "symbol");
   if(!RequireSymbol(id, s))
      return;
   int digits = SymbolDigits(s);
   int calcMode = (int)MarketInfo(s, MODE_PROFITCALCMODE);
   CJsonWriter w;
   w.BeginObject();
   w.Str("symbol", s);
   w.Str("description", SymbolInfoString(s, SYMBOL_DESCRIPTION));
   w.Str("path", SymbolInfoString(s, SYMBOL_PATH));
   w.Str("currency_base", SymbolInfoString(s, SYMBOL_CURRENCY_BASE));
   w.Str("currency_profit", SymbolInfoString(s, SYMBOL_CURRENCY_PROFIT));
   w.Str("currency_margin", SymbolInfoString(s, SYMBOL_CURRENCY_MARGIN));
   w.Int("digits", digits);
   w.Dbl("point", MarketInfo(s, MODE_POINT), digits);
   w.Dbl("trade_tick_size", MarketInfo(s, MODE_TICKSIZE), digits);
   w.Dbl("trade_tick_value", MarketInfo(s, MODE_TICKVALUE), 10);
   w.Int("spread", (long)MarketInfo(s, MODE_SPREAD));
   w.Bool("spread_float", SymbolInfoInteger(s, SYMBOL_SPREAD_FLOAT) != 0);
   w.Dbl("trade_contract_size", MarketInfo(s, MODE_LOTSIZE), 8);
   w.Str("trade_calc_mode", calcMode == 0 ? "SYMBOL_CALC_MODE_FOREX" : (calcMode == 1 ? "SYMBOL_CALC_MODE_CFD" : "SYMBOL_CALC_MODE_FUTURES"));
   w.Str("trade_mode", EnumToString((ENUM_SYMBOL_TRADE_MODE)SymbolInfoInteger(s, SYMBOL_TRADE_MODE)));
   w.Str("trade_exemode", EnumToString((ENUM_SYMBOL_TRADE_EXECUTION)SymbolInfoInteger(s, SYMBOL_TRADE_EXEMODE)));
   w.Int("trade_stops_level", (long)MarketInfo(s, MODE_STOPLEVEL));
   w.Int("trade_freeze_level", (long)MarketInfo(s, MODE_FREEZELEVEL));
   w.Int("volume_digits", VolumeDigits(s));
   w.Dbl("volume_min", MarketInfo(s, MODE_MINLOT), 8);
   w.Dbl("volume_max", MarketInfo(s, MODE_MAXLOT), 8);
   w.Dbl("volume_step", MarketInfo(s, MODE_LOTSTEP), 8);
   w.Dbl("margin_initial", MarketInfo(s, MODE_MARGININIT), 8);
   w.Dbl("margin_maintenance", MarketInfo(s, MODE_MARGINMAINTENANCE), 8);
   w.Dbl("margin_hedged", MarketInfo(s, MODE_MARGINHEDGED), 8);
   w.Dbl("margin_required", MarketInfo(s, MODE_MARGINREQUIRED), 8);
   w.Int("swap_type", (long)MarketInfo(s, MODE_SWAPTYPE));
   w.Dbl("swap_long", MarketInfo(s, MODE_SWAPLONG), 8);
   w.Dbl("swap_short", MarketInfo(s, MODE_SWAPSHORT), 8);
   WriteSessions(w, "sessions_quote", s, false);
   WriteSessions(w, "sessions_trade", s, true);
   w.EndObject();
   McpReplyOk(id, w.Text());
  }

void OpSymbolSelect(const string id, CJsonDoc &doc, const int data)
  {
   string s = doc.GetString(data, "symbol");
   bool show = doc.GetBool(data, "select", true);
   if(s == "" || !SymbolSelect(s, show))
     {
      McpReplyError(id, "SYMBOL_NOT_FOUND", "SymbolSelect('" + s + "') failed", GetLastError());
      return;
     }
   CJsonWriter w;
   w.BeginObject();
   w.Str("symbol", s);
   w.Bool("selected", show);
   w.EndObject();
   McpReplyOk(id, w.Text());
  }

//+------------------------------------------------------------------+
//| Market data                                                       |
//+------------------------------------------------------------------+
//--- MQL4 ticks have no millisecond time or flags: time_msc is time x 1000, flags say bid and ask (2|4).
void WriteTick(CJsonWriter &w, const string symbol, const MqlTick &tick)
  {
   int digits = SymbolDigits(symbol);
   w.Str("symbol", symbol);
   w.Int("time", (long)tick.time);
   w.Int("time_msc", (long)tick.time * 1000);
   w.Dbl("bid", tick.bid, digits);
   w.Dbl("ask", tick.ask, digits);
   w.Dbl("last", tick.last, digits);
   w.UInt("volume", tick.volume);
   w.Dbl("volume_real", 0, 2);
   w.Int("flags", 6);
  }

void OpTickLast(const string id, CJsonDoc &doc, const int data)
  {
   string s = doc.GetString(data, "symbol");
   if(!RequireSymbol(id, s))
      return;
   MqlTick tick;
   if(!SymbolInfoTick(s, tick))
     {
      McpReplyError(id, "INTERNAL", "no tick for '" + s + "' yet", GetLastError());
      return;
     }
   CJsonWriter w;
   w.BeginObject();
   WriteTick(w, s, tick);
   w.EndObject();
   McpReplyOk(id, w.Text());
  }

void OpRatesGet(const string id, CJsonDoc &doc, const int data)
  {
   string s = doc.GetString(data, "symbol");
   int tf = 0;
   if(!ParseTimeframe(doc.GetString(data, "tf"), tf))
     {
      McpReplyError(id, "INVALID_ARGUMENT", "'tf' must be one of MT4's timeframes (PERIOD_M1, _M5, _M15, _M30, _H1, _H4, _D1, _W1, _MN1)", 0);
      return;
     }
   if(!RequireSymbol(id, s))
      return;
   int limit = (int)doc.GetLong(data, "count", 1000);
   if(limit < 1 || limit > MAX_PAGE)
     {
      McpReplyError(id, "INVALID_ARGUMENT", "'count' must be 1-" + IntegerToString(MAX_PAGE), 0);
      return;
     }
   MqlRates rates[];
   int copied;
   if(doc.Has(data, "from"))
     {
      datetime from = (datetime)doc.GetLong(data, "from");
      datetime to = doc.Has(data, "to") ? (datetime)doc.GetLong(data, "to") : TimeCurrent();
      copied = CopyRates(s, (ENUM_TIMEFRAMES)tf, from, to, rates);
     }
   else
      copied = CopyRates(s, (ENUM_TIMEFRAMES)tf, 0, limit, rates);
   if(copied < 0)
     {
      McpReplyError(id, "INTERNAL", "CopyRates failed (history may still be loading; retry)", GetLastError());
      return;
     }
   int n = copied < limit ? copied : limit;
   int digits = SymbolDigits(s);
   CJsonWriter w;
   w.BeginObject();
   w.Str("symbol", s);
   w.Str("tf", TimeframeName(tf));
   w.BeginArray("rates");
   for(int i = 0; i < n; i++)
      WriteRate(w, rates[i], digits, "", "");
   w.EndArray();
   w.Bool("more", copied > n);
   if(copied > n)
      w.Int("next_from", (long)rates[n].time);
   w.EndObject();
   McpReplyOk(id, w.Text());
  }

void WriteRate(CJsonWriter &w, const MqlRates &rate, const int digits, const string symbol, const string tf)
  {
   w.BeginObject();
   if(symbol != "")
     {
      w.Str("symbol", symbol);
      w.Str("tf", tf);
     }
   w.Int("time", (long)rate.time);
   w.Dbl("open", rate.open, digits);
   w.Dbl("high", rate.high, digits);
   w.Dbl("low", rate.low, digits);
   w.Dbl("close", rate.close, digits);
   w.Int("tick_volume", rate.tick_volume);
   w.Int("spread", rate.spread);
   w.Int("real_volume", rate.real_volume);
   w.EndObject();
  }

//+------------------------------------------------------------------+
//| Subscriptions (ticks and bars; MT4 has no depth of market)        |
//+------------------------------------------------------------------+
int IndexOfBar(const string symbol, const int tf)
  {
   for(int i = 0; i < ArraySize(g_barSymbols); i++)
      if(g_barSymbols[i] == symbol && g_barTfs[i] == tf)
         return i;
   return -1;
  }

void SetTick(const string symbol, const bool add)
  {
   int i = McpIndexOf(g_tickSymbols, symbol);
   int n = ArraySize(g_tickSymbols);
   if(add && i < 0)
     {
      ArrayResize(g_tickSymbols, n + 1);
      ArrayResize(g_tickLastBid, n + 1);
      ArrayResize(g_tickLastAsk, n + 1);
      ArrayResize(g_tickDirty, n + 1);
      g_tickSymbols[n] = symbol;
      g_tickLastBid[n] = 0;
      g_tickLastAsk[n] = 0;
      g_tickDirty[n] = false;
     }
   if(!add && i >= 0)
     {
      g_tickSymbols[i] = g_tickSymbols[n - 1];
      g_tickLastBid[i] = g_tickLastBid[n - 1];
      g_tickLastAsk[i] = g_tickLastAsk[n - 1];
      g_tickDirty[i] = g_tickDirty[n - 1];
      ArrayResize(g_tickSymbols, n - 1);
      ArrayResize(g_tickLastBid, n - 1);
      ArrayResize(g_tickLastAsk, n - 1);
      ArrayResize(g_tickDirty, n - 1);
     }
  }

void SetBar(const string symbol, const int tf, const bool add)
  {
   int i = IndexOfBar(symbol, tf);
   int n = ArraySize(g_barSymbols);
   if(add && i < 0)
     {
      ArrayResize(g_barSymbols, n + 1);
      ArrayResize(g_barTfs, n + 1);
      ArrayResize(g_barLast, n + 1);
      g_barSymbols[n] = symbol;
      g_barTfs[n] = tf;
      g_barLast[n] = iTime(symbol, tf, 1);
     }
   if(!add && i >= 0)
     {
      g_barSymbols[i] = g_barSymbols[n - 1];
      g_barTfs[i] = g_barTfs[n - 1];
      g_barLast[i] = g_barLast[n - 1];
      ArrayResize(g_barSymbols, n - 1);
      ArrayResize(g_barTfs, n - 1);
      ArrayResize(g_barLast, n - 1);
     }
  }

bool ApplySubscriptions(CJsonDoc &doc, const int node, const bool add, string &code, string &error)
  {
   int ticks = doc.Child(node, "ticks");
   int books = doc.Child(node, "book");
   int bars = doc.Child(node, "bars");
   if(add && doc.Size(books) > 0)
     {
      code = "INVALID_ARGUMENT";
      error = "MT4 has no depth of market: book subscriptions are not available";
      return false;
     }
   for(int pass = 0; pass < 2; pass++)
     {
      for(int i = 0; i < doc.Size(ticks); i++)
        {
         string s = doc.AsString(doc.At(ticks, i));
         if(pass == 0 && add && !SymbolSelect(s, true))
           {
            code = "SYMBOL_NOT_FOUND";
            error = "symbol '" + s + "' is not offered by this broker";
            return false;
           }
         if(pass == 1)
            SetTick(s, add);
        }
      for(int i = 0; i < doc.Size(bars); i++)
        {
         int item = doc.At(bars, i);
         string s = doc.GetString(item, "symbol");
         int tf = 0;
         if(!ParseTimeframe(doc.GetString(item, "tf"), tf))
           {
            code = "INVALID_ARGUMENT";
            error = "bar subscription for '" + s + "' has a tf MT4 does not have: '" + doc.GetString(item, "tf") + "'";
            return false;
           }
         if(pass == 0 && add && !SymbolSelect(s, true))
           {
            code = "SYMBOL_NOT_FOUND";
            error = "symbol '" + s + "' is not offered by this broker";
            return false;
           }
         if(pass == 1)
            SetBar(s, tf, add);
        }
     }
   return true;
  }

void OpSubscribe(const string id, CJsonDoc &doc, const int data, const bool add)
  {
   string code = "", error = "";
   if(!ApplySubscriptions(doc, data, add, code, error))
     {
      McpReplyError(id, code, error, 0);
      return;
     }
   CJsonWriter w;
   w.BeginObject();
   w.BeginObject("subscriptions");
   w.BeginArray("ticks");
   for(int i = 0; i < ArraySize(g_tickSymbols); i++)
      w.Str("", g_tickSymbols[i]);
   w.EndArray();
   w.BeginArray("book");
   w.EndArray();
   w.BeginArray("bars");
   for(int i = 0; i < ArraySize(g_barSymbols); i++)
     {
      w.BeginObject();
      w.Str("symbol", g_barSymbols[i]);
      w.Str("tf", TimeframeName(g_barTfs[i]));
      w.EndObject();
     }
   w.EndArray();
   w.EndObject();
   w.EndObject();
   McpReplyOk(id, w.Text());
  }

//+------------------------------------------------------------------+
//| Orders and positions: MT4 market orders are positions.            |
//+------------------------------------------------------------------+
//--- The selected order as an MT5 position (market orders) or order (pending and historical orders).
void WriteSelectedOrder(CJsonWriter &w, const bool asPosition, const bool history)
  {
   string s = OrderSymbol();
   int digits = SymbolDigits(s);
   int type = OrderType();
   w.BeginObject();
   w.Int("ticket", OrderTicket());
   if(asPosition)
     {
      w.Int("identifier", OrderTicket());
      w.Str("symbol", s);
      w.Str("type", type == OP_BUY ? "POSITION_TYPE_BUY" : "POSITION_TYPE_SELL");
      w.Dbl("volume", OrderLots(), VolumeDigits(s));
      w.Dbl("price_open", OrderOpenPrice(), digits);
      w.Dbl("price_current", OrderClosePrice(), digits);
      w.Dbl("sl", OrderStopLoss(), digits);
      w.Dbl("tp", OrderTakeProfit(), digits);
      w.Dbl("swap", OrderSwap(), 2);
      w.Dbl("profit", OrderProfit(), 2);
      w.Int("time_msc", (long)OrderOpenTime() * 1000);
      w.Int("time_update_msc", 0);
      w.Int("magic", OrderMagicNumber());
      w.Str("comment", OrderComment());
      w.Str("reason", OrderMagicNumber() != 0 ? "POSITION_REASON_EXPERT" : "POSITION_REASON_CLIENT");
      w.EndObject();
      return;
     }
   bool filled = type == OP_BUY || type == OP_SELL;
   string state = !history ? "ORDER_STATE_PLACED" : (filled ? "ORDER_STATE_FILLED" : "ORDER_STATE_CANCELED");
   w.Str("symbol", s);
   w.Str("type", OrderTypeName(type));
   w.Str("state", state);
   w.Dbl("volume_initial", OrderLots(), VolumeDigits(s));
   w.Dbl("volume_current", history && filled ? 0 : OrderLots(), VolumeDigits(s));
   w.Dbl("price_open", OrderOpenPrice(), digits);
   w.Dbl("price_stoplimit", 0, digits);
   w.Dbl("sl", OrderStopLoss(), digits);
   w.Dbl("tp", OrderTakeProfit(), digits);
   w.Dbl("price_current", OrderClosePrice(), digits);
   w.Int("time_setup_msc", (long)OrderOpenTime() * 1000);
   if(history)
      w.Int("time_done_msc", (long)(filled ? OrderOpenTime() : OrderCloseTime()) * 1000);
   w.Int("time_expiration", (long)OrderExpiration());
   w.Str("type_time", OrderExpiration() > 0 ? "ORDER_TIME_SPECIFIED" : "ORDER_TIME_GTC");
   w.Str("type_filling", "ORDER_FILLING_FOK");
   w.Int("magic", OrderMagicNumber());
   w.Str("comment", OrderComment());
   w.Int("position_id", filled ? OrderTicket() : 0);
   w.Int("position_by_id", 0);
   w.Str("reason", OrderMagicNumber() != 0 ? "ORDER_REASON_EXPERT" : "ORDER_REASON_CLIENT");
   w.EndObject();
  }

void OpOrdersOrPositions(const string id, CJsonDoc &doc, const int data, const bool positions)
  {
   string filter = doc.GetString(data, "symbol");
   CJsonWriter w;
   w.BeginObject();
   w.BeginArray(positions ? "positions" : "orders");
   int total = OrdersTotal();
   for(int i = 0; i < total; i++)
     {
      if(!OrderSelect(i, SELECT_BY_POS, MODE_TRADES))
         continue;
      bool market = OrderType() == OP_BUY || OrderType() == OP_SELL;
      if(market != positions || (filter != "" && OrderSymbol() != filter))
         continue;
      WriteSelectedOrder(w, positions, false);
     }
   w.EndArray();
   w.EndObject();
   McpReplyOk(id, w.Text());
  }

//--- MT4 has no deals: each closed market order yields an entry deal (ticket x 2) and an exit deal (ticket x 2 + 1)
//--- with position_id = the order ticket; balance and credit operations are single deals. Only what the terminal's
//--- Account History tab has loaded is visible (set it to "All History").
void WriteDeal(CJsonWriter &w, const long ticket, const bool entry, const long timeMsc)
  {
   string s = OrderSymbol();
   int type = OrderType();
   int digits = SymbolDigits(s);
   bool buy = type == OP_BUY;
   w.BeginObject();
   w.Int("ticket", ticket);
   w.Int("order", OrderTicket());
   w.Int("position_id", type <= OP_SELL ? OrderTicket() : 0);
   w.Str("symbol", s);
   if(type == 6 || type == 7)
      w.Str("type", type == 6 ? "DEAL_TYPE_BALANCE" : "DEAL_TYPE_CREDIT");
   else
      w.Str("type", (buy == entry) ? "DEAL_TYPE_BUY" : "DEAL_TYPE_SELL");
   w.Str("entry", entry ? "DEAL_ENTRY_IN" : "DEAL_ENTRY_OUT");
   w.Dbl("volume", type <= OP_SELL ? OrderLots() : 0, VolumeDigits(s));
   w.Dbl("price", entry ? OrderOpenPrice() : OrderClosePrice(), digits);
   w.Dbl("profit", entry ? 0 : OrderProfit(), 2);
   w.Dbl("commission", entry ? 0 : OrderCommission(), 2);
   w.Dbl("swap", entry ? 0 : OrderSwap(), 2);
   w.Int("time_msc", timeMsc);
   w.Int("magic", OrderMagicNumber());
   w.Str("comment", OrderComment());
   w.Str("reason", OrderMagicNumber() != 0 ? "DEAL_REASON_EXPERT" : "DEAL_REASON_CLIENT");
   w.Dbl("sl", OrderStopLoss(), digits);
   w.Dbl("tp", OrderTakeProfit(), digits);
   w.EndObject();
  }

void OpHistory(const string id, CJsonDoc &doc, const int data, const bool deals)
  {
   if(!doc.Has(data, "from") || !doc.Has(data, "to"))
     {
      McpReplyError(id, "INVALID_ARGUMENT", "'from' and 'to' (server-time seconds) are required", 0);
      return;
     }
   long fromMsc = doc.GetLong(data, "from") * 1000;
   long toMsc = doc.GetLong(data, "to") * 1000;
   int offset = (int)doc.GetLong(data, "offset", 0);
   string filter = doc.GetString(data, "symbol");
   int matched = 0, written = 0;
   CJsonWriter w;
   w.BeginObject();
   w.BeginArray(deals ? "deals" : "orders");
   int total = OrdersHistoryTotal();
   for(int i = 0; i < total && written < HISTORY_PAGE; i++)
     {
      if(!OrderSelect(i, SELECT_BY_POS, MODE_HISTORY) || (filter != "" && OrderSymbol() != filter))
         continue;
      int type = OrderType();
      long openMsc = (long)OrderOpenTime() * 1000;
      long closeMsc = (long)OrderCloseTime() * 1000;
      if(!deals)
        {
         if(type > OP_SELLSTOP)
            continue;
         long done = type <= OP_SELL ? openMsc : closeMsc;
         if(done < fromMsc || done >= toMsc || matched++ < offset)
            continue;
         WriteSelectedOrder(w, false, true);
         written++;
         continue;
        }
      if(type >= OP_BUYLIMIT && type <= OP_SELLSTOP)
         continue;   // cancelled pending orders made no deal
      bool single = type > OP_SELLSTOP;
      if(openMsc >= fromMsc && openMsc < toMsc && matched++ >= offset)
        {
         WriteDeal(w, (long)OrderTicket() * 2, true, openMsc);
         written++;
        }
      if(!single && closeMsc >= fromMsc && closeMsc < toMsc && matched++ >= offset)
        {
         WriteDeal(w, (long)OrderTicket() * 2 + 1, false, closeMsc);
         written++;
        }
     }
   w.EndArray();
   w.Bool("more", written >= HISTORY_PAGE);
   if(written >= HISTORY_PAGE)
      w.Int("next_offset", offset + written);
   w.EndObject();
   McpReplyOk(id, w.Text());
  }

//+------------------------------------------------------------------+
//| Checks and calculators (approximations: MT4 has no OrderCheck,    |
//| OrderCalcMargin or OrderCalcProfit)                               |
//+------------------------------------------------------------------+
void OpOrderCheck(const string id, CJsonDoc &doc, const int data)
  {
   int request = doc.Child(data, "request");
   string s = doc.GetString(request, "symbol");
   int type = OrderTypeOf(doc.GetString(request, "type"));
   double volume = doc.GetDouble(request, "volume");
   if(type < 0 || volume <= 0)
     {
      McpReplyError(id, "INVALID_ARGUMENT", "order.check needs an MT4 order type (no stop-limit) and a positive volume", 0);
      return;
     }
   if(!RequireSymbol(id, s))
      return;
   double freeAfter = AccountFreeMarginCheck(s, type % 2 == 0 ? OP_BUY : OP_SELL, volume);
   double margin = AccountMargin() + MarketInfo(s, MODE_MARGINREQUIRED) * volume;
   CJsonWriter w;
   w.BeginObject();
   w.Int("retcode", freeAfter < 0 ? 10019 : 0);
   w.Str("retcode_name", freeAfter < 0 ? RetcodeName(10019) : "");
   w.Dbl("balance", AccountBalance(), 2);
   w.Dbl("equity", AccountEquity(), 2);
   w.Dbl("profit", AccountProfit(), 2);
   w.Dbl("margin", margin, 2);
   w.Dbl("margin_free", freeAfter, 2);
   w.Dbl("margin_level", margin > 0 ? AccountEquity() / margin * 100.0 : 0.0, 2);
   w.Str("comment", freeAfter < 0 ? "Not enough money" : "Done");
   w.EndObject();
   McpReplyOk(id, w.Text());
  }

bool ReadCalcArgs(const string id, CJsonDoc &doc, const int data, int &type, string &symbol, double &volume)
  {
   symbol = doc.GetString(data, "symbol");
   volume = doc.GetDouble(data, "volume");
   type = OrderTypeOf(doc.GetString(data, "type"));
   if(type != OP_BUY && type != OP_SELL)
     {
      McpReplyError(id, "INVALID_ARGUMENT", "'type' must be ORDER_TYPE_BUY or ORDER_TYPE_SELL", 0);
      return false;
     }
   if(volume <= 0)
     {
      McpReplyError(id, "INVALID_ARGUMENT", "'volume' must be positive", 0);
      return false;
     }
   return RequireSymbol(id, symbol);
  }

//--- Margin at the current price (MODE_MARGINREQUIRED is per lot); the request's price is not used.
void OpCalcMargin(const string id, CJsonDoc &doc, const int data)
  {
   int type = 0;
   string symbol = "";
   double volume = 0;
   if(!ReadCalcArgs(id, doc, data, type, symbol, volume))
      return;
   CJsonWriter w;
   w.BeginObject();
   w.Dbl("margin", MarketInfo(symbol, MODE_MARGINREQUIRED) * volume, 2);
   w.Str("currency", AccountCurrency());
   w.EndObject();
   McpReplyOk(id, w.Text());
  }

//--- Profit with the current tick value (exact for pairs quoted in the account currency).
void OpCalcProfit(const string id, CJsonDoc &doc, const int data)
  {
   int type = 0;
   string symbol = "";
   double volume = 0;
   if(!ReadCalcArgs(id, doc, data, type, symbol, volume))
      return;
   double tickSize = MarketInfo(symbol, MODE_TICKSIZE);
   double tickValue = MarketInfo(symbol, MODE_TICKVALUE);
   double move = doc.GetDouble(data, "price_close") - doc.GetDouble(data, "price_open");
   double profit = tickSize > 0 ? (type == OP_BUY ? move : -move) / tickSize * tickValue * volume : 0;
   CJsonWriter w;
   w.BeginObject();
   w.Dbl("profit", profit, 2);
   w.Str("currency", AccountCurrency());
   w.EndObject();
   McpReplyOk(id, w.Text());
  }

//+------------------------------------------------------------------+
//| Trading: MT5 request shapes executed with MT4 calls, MT4 errors   |
//| reported as MT5 retcodes (mql_error keeps the MT4 code).          |
//+------------------------------------------------------------------+
uint RetcodeFromMt4(const int error)
  {
   switch(error)
     {
      case 0: return 10009;
      case 1: return 10025;     // no result: nothing changed
      case 3: return 10013;
      case 4: return 10024;
      case 6: return 10031;
      case 8: return 10024;
      case 64: return 10017;
      case 128: return 10012;
      case 129: return 10015;
      case 130: return 10016;
      case 131: return 10014;
      case 132: return 10018;
      case 133: return 10017;
      case 134: return 10019;
      case 135: return 10020;
      case 136: return 10021;
      case 137: return 10024;
      case 138: return 10004;
      case 139: return 10028;
      case 140: return 10042;
      case 141: return 10024;
      case 145: return 10029;
      case 146: return 10028;   // trade context busy: retry later
      case 147: return 10022;
      case 148: return 10033;
      case 149: return 10046;
      case 150: return 10045;
      case 4108: return 10013;
      case 4109: return 10027;
      case 4051: return 10013;
     }
   return 10011;                 // unknown error: uncertain, the server reconciles
  }

bool TradeAllowed(const string id)
  {
   if(!g_tradingEnabled)
     {
      McpReplyError(id, "TRADING_DISABLED", "the server did not enable trading for this account (welcome.trading_enabled=false)", 0);
      return false;
     }
   if(!IsConnected())
     {
      McpReplyError(id, "NOT_CONNECTED", "the terminal is not connected to the trade server", 0);
      return false;
     }
   if(!IsTradeAllowed() || !IsExpertEnabled())
     {
      McpReplyError(id, "TRADING_DISABLED", "AutoTrading is off or 'Allow live trading' is not ticked for the EA", 0);
      return false;
     }
   return true;
  }

double MarketPrice(const string symbol, const bool buy)
  {
   RefreshRates();
   return MarketInfo(symbol, buy ? MODE_ASK : MODE_BID);
  }

//--- Runs one MT4 trade call per request shape; fills ticket, price and volume; returns the MT4 error (0 = done).
int ExecuteMt4(CJsonDoc &doc, const int req, string &symbol, int &ticket, double &price, double &volume, bool &pending, string &invalid)
  {
   string action = doc.GetString(req, "action");
   symbol = doc.GetString(req, "symbol");
   int type = OrderTypeOf(doc.GetString(req, "type"));
   int slippage = (int)doc.GetLong(req, "deviation", InpSlippage);
   double sl = doc.GetDouble(req, "sl");
   double tp = doc.GetDouble(req, "tp");
   int magic = (int)doc.GetLong(req, "magic", 0);
   string comment = doc.GetString(req, "comment");
   int position = (int)doc.GetLong(req, "position", 0);
   int order = (int)doc.GetLong(req, "order", 0);
   volume = doc.GetDouble(req, "volume");
   price = doc.GetDouble(req, "price");
   pending = action == "TRADE_ACTION_PENDING";
   ticket = 0;
   ResetLastError();

   if(action == "TRADE_ACTION_DEAL" && position != 0)
     {
      // Close (part of) a position: MT4 closes the order ticket.
      if(!OrderSelect(position, SELECT_BY_TICKET, MODE_TRADES) || OrderCloseTime() != 0)
         return 4108;
      symbol = OrderSymbol();
      price = MarketPrice(symbol, OrderType() == OP_SELL);
      if(volume <= 0)
         volume = OrderLots();
      ticket = position;
      return OrderClose(position, volume, price, slippage, clrNONE) ? 0 : GetLastError();
     }
   if(action == "TRADE_ACTION_DEAL" || action == "TRADE_ACTION_PENDING")
     {
      bool market = action == "TRADE_ACTION_DEAL";
      if(type < 0 || (market && type > OP_SELL) || (!market && type < OP_BUYLIMIT))
        {
         invalid = "type '" + doc.GetString(req, "type") + "' does not fit " + action + " on MT4 (no stop-limit orders)";
         return -1;
        }
      if(market)
         price = MarketPrice(symbol, type == OP_BUY);
      datetime expiration = (datetime)doc.GetLong(req, "expiration", 0);
      ticket = OrderSend(symbol, type, volume, price, slippage, sl, tp, comment, magic, expiration, clrNONE);
      if(ticket < 0)
        {
         ticket = 0;
         return GetLastError();
        }
      if(OrderSelect(ticket, SELECT_BY_TICKET))
        {
         price = OrderOpenPrice();
         volume = OrderLots();
        }
      return 0;
     }
   if(action == "TRADE_ACTION_SLTP")
     {
      if(!OrderSelect(position, SELECT_BY_TICKET, MODE_TRADES))
         return 4108;
      symbol = OrderSymbol();
      ticket = position;
      return OrderModify(position, OrderOpenPrice(), sl, tp, OrderExpiration(), clrNONE) ? 0 : GetLastError();
     }
   if(action == "TRADE_ACTION_MODIFY")
     {
      if(!OrderSelect(order, SELECT_BY_TICKET, MODE_TRADES))
         return 4108;
      symbol = OrderSymbol();
      ticket = order;
      pending = true;
      datetime expiration = doc.Has(req, "expiration") ? (datetime)doc.GetLong(req, "expiration") : OrderExpiration();
      return OrderModify(order, price, sl, tp, expiration, clrNONE) ? 0 : GetLastError();
     }
   if(action == "TRADE_ACTION_REMOVE")
     {
      if(!OrderSelect(order, SELECT_BY_TICKET, MODE_TRADES))
         return 4108;
      symbol = OrderSymbol();
      ticket = order;
      return OrderDelete(order, clrNONE) ? 0 : GetLastError();
     }
   if(action == "TRADE_ACTION_CLOSE_BY")
     {
      if(!OrderSelect(position, SELECT_BY_TICKET, MODE_TRADES))
         return 4108;
      symbol = OrderSymbol();
      ticket = position;
      return OrderCloseBy(position, (int)doc.GetLong(req, "position_by", 0), clrNONE) ? 0 : GetLastError();
     }
   invalid = "unknown action '" + action + "'";
   return -1;
  }

void ExecuteTrade(const string id, CJsonDoc &doc, const int req, const string clientOrderId)
  {
   if(doc.Kind(req) != JSON_OBJECT)
     {
      McpReplyError(id, "INVALID_ARGUMENT", "'request' object is required", 0);
      return;
     }
   string key = DedupeKey(doc.GetString(req, "comment"), clientOrderId);
   string cached = "";
   if(McpCacheFind(key, cached))
     {
      McpReplyOk(id, cached + ",\"duplicate\":true}");
      return;
     }
   string symbol = doc.GetString(req, "symbol");
   if(symbol != "" && !RequireSymbol(id, symbol))
      return;
   if(!TradeAllowed(id))
      return;
   int ticket = 0;
   double price = 0, volume = 0;
   bool pending = false;
   string invalid = "";
   int error = ExecuteMt4(doc, req, symbol, ticket, price, volume, pending, invalid);
   if(error < 0)
     {
      McpReplyError(id, "INVALID_ARGUMENT", invalid, 0);
      return;
     }
   if(error == 4108)
     {
      McpReplyError(id, "INVALID_ARGUMENT", "the ticket in the request is not an open order or position", error);
      return;
     }
   uint retcode = RetcodeFromMt4(error);
   int digits = SymbolDigits(symbol);
   CJsonWriter w;
   w.BeginObject();
   w.Int("retcode", retcode);
   w.Str("retcode_name", RetcodeName(retcode));
   w.Str("outcome", RetcodeOutcome(retcode, pending));
   // MT4 has one ticket per order: it is the order, and for a market fill also the deal reference.
   w.Int("deal", error == 0 && !pending ? ticket : 0);
   w.Int("order", ticket);
   w.Dbl("volume", error == 0 ? volume : 0, VolumeDigits(symbol));
   w.Dbl("price", error == 0 ? price : 0, digits);
   w.Dbl("bid", symbol != "" ? MarketInfo(symbol, MODE_BID) : 0, digits);
   w.Dbl("ask", symbol != "" ? MarketInfo(symbol, MODE_ASK) : 0, digits);
   w.Str("comment", error == 0 ? "Request executed" : "MT4 error " + IntegerToString(error));
   w.Int("request_id", 0);
   w.Int("retcode_external", 0);
   if(error != 0)
      w.Int("mql_error", error);
   w.Bool("sent", true);
   string body = w.Text();
   if(IsDefinitive(retcode))
      McpCacheRemember(key, body);
   McpReplyOk(id, body + ",\"duplicate\":false}");
  }

void OpTradeSend(const string id, CJsonDoc &doc, const int data)
  {
   ExecuteTrade(id, doc, doc.Child(data, "request"), doc.GetString(data, "client_order_id"));
  }

//--- The thin wrappers build the MT5 request shape and run it through the same path.
void RunBuiltRequest(const string id, CJsonDoc &doc, const int data, const string requestJson)
  {
   // Parse into a second document: g_doc still holds the server's line.
   CJsonDoc built;
   if(!built.Parse(requestJson))
     {
      McpReplyError(id, "INTERNAL", "could not build the request: " + built.Error(), 0);
      return;
     }
   ExecuteTrade(id, built, built.Root(), doc.GetString(data, "client_order_id"));
  }

void OpClosePosition(const string id, CJsonDoc &doc, const int data)
  {
   CJsonWriter w;
   w.BeginObject();
   w.Str("action", "TRADE_ACTION_DEAL");
   w.Int("position", doc.GetLong(data, "position"));
   w.Dbl("volume", doc.GetDouble(data, "volume"), 8);
   w.Int("deviation", doc.GetLong(data, "deviation", InpSlippage));
   w.Str("comment", doc.GetString(data, "comment"));
   w.EndObject();
   RunBuiltRequest(id, doc, data, w.Text());
  }

void OpModifyPosition(const string id, CJsonDoc &doc, const int data)
  {
   int ticket = (int)doc.GetLong(data, "position");
   if(!OrderSelect(ticket, SELECT_BY_TICKET, MODE_TRADES))
     {
      McpReplyError(id, "INVALID_ARGUMENT", "position #" + IntegerToString(ticket) + " is not open", GetLastError());
      return;
     }
   CJsonWriter w;
   w.BeginObject();
   w.Str("action", "TRADE_ACTION_SLTP");
   w.Int("position", ticket);
   w.Dbl("sl", doc.GetDouble(data, "sl", OrderStopLoss()), 10);
   w.Dbl("tp", doc.GetDouble(data, "tp", OrderTakeProfit()), 10);
   w.EndObject();
   RunBuiltRequest(id, doc, data, w.Text());
  }

void OpCancelOrder(const string id, CJsonDoc &doc, const int data)
  {
   CJsonWriter w;
   w.BeginObject();
   w.Str("action", "TRADE_ACTION_REMOVE");
   w.Int("order", doc.GetLong(data, "order"));
   w.EndObject();
   RunBuiltRequest(id, doc, data, w.Text());
  }

//+------------------------------------------------------------------+
//| Events                                                            |
//+------------------------------------------------------------------+
void PollTick(const int i)
  {
   MqlTick tick;
   if(!SymbolInfoTick(g_tickSymbols[i], tick) || (tick.bid == g_tickLastBid[i] && tick.ask == g_tickLastAsk[i]))
      return;
   if(g_tickDirty[i])
      g_dropped++;
   g_tickLastBid[i] = tick.bid;
   g_tickLastAsk[i] = tick.ask;
   g_tickDirty[i] = true;
  }

//--- One synthesised trade_tx event in the MT5 MqlTradeTransaction shape.
void QueueTransaction(const string type, const int order, const long deal, const string symbol, const int orderType,
                      const string orderState, const string dealType, const double price, const double sl, const double tp,
                      const double volume, const int position)
  {
   int digits = SymbolDigits(symbol);
   CJsonWriter w;
   w.BeginObject();
   w.Str("type", type);
   w.Int("deal", deal);
   w.Int("order", order);
   w.Str("symbol", symbol);
   w.Str("order_type", OrderTypeName(orderType));
   w.Str("order_state", orderState);
   w.Str("deal_type", dealType);
   w.Dbl("price", price, digits);
   w.Dbl("price_sl", sl, digits);
   w.Dbl("price_tp", tp, digits);
   w.Dbl("volume", volume, VolumeDigits(symbol));
   w.Int("position", position);
   w.Int("position_by", 0);
   w.Bool("synthetic", true);
   w.EndObject();
   McpQueueEvent("trade_tx", w.Text());
  }

//--- Compares the order list with the previous pass and reports what changed as MT5-style transactions.
void DiffOrders(void)
  {
   int total = OrdersTotal();
   int    tickets[];
   int    types[];
   double lots[];
   double prices[];
   double sls[];
   double tps[];
   string symbols[];
   ArrayResize(tickets, total);
   ArrayResize(types, total);
   ArrayResize(lots, total);
   ArrayResize(prices, total);
   ArrayResize(sls, total);
   ArrayResize(tps, total);
   ArrayResize(symbols, total);
   int n = 0;
   for(int i = 0; i < total; i++)
     {
      if(!OrderSelect(i, SELECT_BY_POS, MODE_TRADES))
         continue;
      tickets[n] = OrderTicket();
      types[n] = OrderType();
      lots[n] = OrderLots();
      prices[n] = OrderOpenPrice();
      sls[n] = OrderStopLoss();
      tps[n] = OrderTakeProfit();
      symbols[n] = OrderSymbol();
      n++;
     }
   if(g_snapReady)
     {
      for(int i = 0; i < n; i++)
        {
         int old = -1;
         for(int k = 0; k < ArraySize(g_snapTicket); k++)
            if(g_snapTicket[k] == tickets[i])
              {
               old = k;
               break;
              }
         bool market = types[i] <= OP_SELL;
         string dealType = types[i] == OP_BUY ? "DEAL_TYPE_BUY" : "DEAL_TYPE_SELL";
         if(old < 0)
           {
            bool remainder = OrderSelect(tickets[i], SELECT_BY_TICKET) && StringFind(OrderComment(), "from #") == 0;
            if(!market)
               QueueTransaction("TRADE_TRANSACTION_ORDER_ADD", tickets[i], 0, symbols[i], types[i], "ORDER_STATE_PLACED", "", prices[i], sls[i], tps[i], lots[i], 0);
            else
               if(remainder)
                  QueueTransaction("TRADE_TRANSACTION_POSITION", tickets[i], 0, symbols[i], types[i], "ORDER_STATE_FILLED", "", prices[i], sls[i], tps[i], lots[i], tickets[i]);
               else
                  QueueTransaction("TRADE_TRANSACTION_DEAL_ADD", tickets[i], (long)tickets[i] * 2, symbols[i], types[i], "ORDER_STATE_FILLED", dealType, prices[i], sls[i], tps[i], lots[i], tickets[i]);
            continue;
           }
         if(g_snapType[old] > OP_SELL && market)
           {
            // A pending order triggered: the order leaves, a deal opens the position.
            QueueTransaction("TRADE_TRANSACTION_ORDER_DELETE", tickets[i], 0, symbols[i], g_snapType[old], "ORDER_STATE_FILLED", "", g_snapPrice[old], sls[i], tps[i], lots[i], 0);
            QueueTransaction("TRADE_TRANSACTION_DEAL_ADD", tickets[i], (long)tickets[i] * 2, symbols[i], types[i], "ORDER_STATE_FILLED", dealType, prices[i], sls[i], tps[i], lots[i], tickets[i]);
            continue;
           }
         if(g_snapSl[old] != sls[i] || g_snapTp[old] != tps[i] || g_snapPrice[old] != prices[i])
            QueueTransaction(market ? "TRADE_TRANSACTION_POSITION" : "TRADE_TRANSACTION_ORDER_UPDATE", tickets[i], 0, symbols[i], types[i],
                             market ? "ORDER_STATE_FILLED" : "ORDER_STATE_PLACED", "", prices[i], sls[i], tps[i], lots[i], market ? tickets[i] : 0);
        }
      for(int k = 0; k < ArraySize(g_snapTicket); k++)
        {
         bool still = false;
         for(int i = 0; i < n && !still; i++)
            still = tickets[i] == g_snapTicket[k];
         if(still)
            continue;
         int ticket = g_snapTicket[k];
         if(g_snapType[k] > OP_SELL)
           {
            QueueTransaction("TRADE_TRANSACTION_ORDER_DELETE", ticket, 0, g_snapSymbol[k], g_snapType[k], "ORDER_STATE_CANCELED", "", g_snapPrice[k], g_snapSl[k], g_snapTp[k], g_snapLots[k], 0);
            continue;
           }
         // A closed position: the exit deal, with the close price from history.
         double closePrice = OrderSelect(ticket, SELECT_BY_TICKET, MODE_HISTORY) ? OrderClosePrice() : 0;
         double closedLots = OrderSelect(ticket, SELECT_BY_TICKET, MODE_HISTORY) ? OrderLots() : g_snapLots[k];
         QueueTransaction("TRADE_TRANSACTION_DEAL_ADD", ticket, (long)ticket * 2 + 1, g_snapSymbol[k], g_snapType[k] == OP_BUY ? OP_SELL : OP_BUY,
                          "ORDER_STATE_FILLED", g_snapType[k] == OP_BUY ? "DEAL_TYPE_SELL" : "DEAL_TYPE_BUY", closePrice, 0, 0, closedLots, ticket);
        }
     }
   ArrayResize(g_snapTicket, n);
   ArrayResize(g_snapType, n);
   ArrayResize(g_snapLots, n);
   ArrayResize(g_snapPrice, n);
   ArrayResize(g_snapSl, n);
   ArrayResize(g_snapTp, n);
   ArrayResize(g_snapSymbol, n);
   for(int i = 0; i < n; i++)
     {
      g_snapTicket[i] = tickets[i];
      g_snapType[i] = types[i];
      g_snapLots[i] = lots[i];
      g_snapPrice[i] = prices[i];
      g_snapSl[i] = sls[i];
      g_snapTp[i] = tps[i];
      g_snapSymbol[i] = symbols[i];
     }
   g_snapReady = true;
  }

void PollEvents(void)
  {
   DiffOrders();
   bool connected = IsConnected();
   bool tradeAllowed = IsTradeAllowed();
   if(connected != g_terminalConnected || tradeAllowed != g_terminalTradeAllowed)
     {
      g_terminalConnected = connected;
      g_terminalTradeAllowed = tradeAllowed;
      CJsonWriter w;
      w.BeginObject();
      w.Bool("connected", connected);
      w.Bool("trade_allowed", tradeAllowed);
      w.Bool("mql_trade_allowed", tradeAllowed);
      w.EndObject();
      McpQueueEvent("terminal", w.Text());
     }
   if(!McpIsReady())
      return;
   for(int i = 0; i < ArraySize(g_tickSymbols); i++)
      PollTick(i);
   ulong now = McpNowMs();
   if(now - g_lastBarPollMs >= BAR_POLL_MS)
     {
      g_lastBarPollMs = now;
      for(int i = 0; i < ArraySize(g_barSymbols); i++)
        {
         MqlRates rates[];
         if(CopyRates(g_barSymbols[i], (ENUM_TIMEFRAMES)g_barTfs[i], 1, 1, rates) != 1 || rates[0].time <= g_barLast[i])
            continue;
         g_barLast[i] = rates[0].time;
         CJsonWriter w;
         WriteRate(w, rates[0], SymbolDigits(g_barSymbols[i]), g_barSymbols[i], TimeframeName(g_barTfs[i]));
         McpQueueEvent("bar", w.Text());
        }
     }
   if(now - g_lastAccountPollMs >= ACCOUNT_POLL_MS)
     {
      g_lastAccountPollMs = now;
      double values[4];
      values[0] = AccountBalance();
      values[1] = AccountEquity();
      values[2] = AccountMargin();
      values[3] = AccountFreeMargin();
      for(int k = 0; k < 4; k++)
         if(values[k] != g_accountLast[k])
           {
            g_accountDirty = true;
            g_accountLast[k] = values[k];
           }
     }
  }

bool EaEmitCoalesced(void)
  {
   bool any = false;
   for(int i = 0; i < ArraySize(g_tickSymbols); i++)
     {
      if(!g_tickDirty[i])
         continue;
      g_tickDirty[i] = false;
      MqlTick tick;
      if(!SymbolInfoTick(g_tickSymbols[i], tick))
         continue;
      CJsonWriter w;
      w.BeginObject();
      WriteTick(w, g_tickSymbols[i], tick);
      w.EndObject();
      McpQueueEvent("tick", w.Text());
      any = true;
     }
   if(g_accountDirty)
     {
      g_accountDirty = false;
      CJsonWriter w;
      w.BeginObject();
      WriteAccountMoney(w);
      w.EndObject();
      McpQueueEvent("account", w.Text());
      any = true;
     }
   return any;
  }
//+------------------------------------------------------------------+
