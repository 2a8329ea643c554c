//+------------------------------------------------------------------+
//| McpBridge.mq5: connects this terminal to the MetaTrader MCP       |
//| server (mtmcp serve) over TCP and serves the bridge protocol:     |
//| account, symbols, quotes, history, order checks, trading, and     |
//| streamed events. Protocol: bridge/PROTOCOL.md and                 |
//| bridge-protocol.md (version 1). Setup: docs/bridge-setup.md.      |
//|                                                                  |
//| Install: copy this file to MQL5/Experts and the folder            |
//| Include/McpBridge to MQL5/Include/McpBridge, compile, add the     |
//| server host to Tools > Options > Expert Advisors > "Allow         |
//| WebRequest for listed URL", attach to one chart, allow Algo       |
//| Trading.                                                          |
//+------------------------------------------------------------------+
#property copyright "MetaTrader MCP Server"
#property version   "1.00"
#property description "Bridge to the MetaTrader MCP server (NDJSON over TCP)."
#property description "Add the server host to the allowed URL list and enable Algo Trading."

#include <McpBridge/Link.mqh>
#include <McpBridge/Trade.mqh>

#define EA_VERSION        "1.0.0"
#define HISTORY_PAGE     1000     // deals/orders per history answer (about 500 bytes each)
#define MAX_PAGE         5000     // bars or ticks per answer (keeps a line under 1 MiB)
#define BAR_POLL_MS       200
#define ACCOUNT_POLL_MS   250

//--- inputs
input string InpHost      = "127.0.0.1";  // Server host (must be on the allowed URL list)
input int    InpPort      = 5757;         // Server port (bridge.listen)
input string InpToken     = "";           // Token (bridge.token); never printed
input string InpTokenFile = "";           // Or: file in MQL5/Files holding the token
input string InpSymbols   = "";           // Symbols to add to Market Watch at start (comma-separated)
input bool   InpTls       = false;        // TLS (server must listen with TLS)
input int    InpTimerMs   = 25;           // Service loop period, ms (10-100)
input int    InpMaxLine   = 1048576;      // Longest accepted line, bytes
input int    InpBookDepth = 10;           // Depth-of-market levels per side in book events

//--- transport
int      g_socket = INVALID_HANDLE;
string   g_token = "";

//--- streaming state
string   g_tickSymbols[];
long     g_tickLastMsc[];
bool     g_tickDirty[];
MqlTick  g_tickLatest[];
string   g_bookSymbols[];
bool     g_bookDirty[];
string   g_barSymbols[];
ENUM_TIMEFRAMES g_barTfs[];
datetime g_barLast[];
ulong    g_lastBarPollMs = 0;
ulong    g_lastAccountPollMs = 0;
bool     g_accountDirty = false;
double   g_accountLast[4];
bool     g_terminalConnected = false;
bool     g_terminalTradeAllowed = false;
bool     g_mqlTradeAllowed = false;

//--- every timeframe by MQL name (ENUM_TIMEFRAMES values are not contiguous)
const ENUM_TIMEFRAMES g_allTimeframes[] =
  {
   PERIOD_M1, PERIOD_M2, PERIOD_M3, PERIOD_M4, PERIOD_M5, PERIOD_M6, PERIOD_M10, PERIOD_M12, PERIOD_M15, PERIOD_M20,
   PERIOD_M30, PERIOD_H1, PERIOD_H2, PERIOD_H3, PERIOD_H4, PERIOD_H6, PERIOD_H8, PERIOD_H12, PERIOD_D1, PERIOD_W1, PERIOD_MN1
  };

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
   g_token = InpToken != "" ? InpToken : ReadTokenFile(InpTokenFile);
   if(g_token == "")
     {
      Print("McpBridge: set the Token input (or TokenFile) to the server's bridge.token");
      return INIT_PARAMETERS_INCORRECT;
     }
   SelectStartSymbols();
   McpConfigure(InpHost, InpPort, InpTls, InpMaxLine);
   MathSrand((uint)GetTickCount());
   ReadTerminalState(g_terminalConnected, g_terminalTradeAllowed, g_mqlTradeAllowed);
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
   for(int i = 0; i < ArraySize(g_bookSymbols); i++)
      MarketBookRelease(g_bookSymbols[i]);
  }

void OnTimer(void)
  {
   PollEvents();
   McpService();
  }

void OnTick(void)
  {
   // The chart symbol's ticks arrive here at once; the others are polled by the timer.
   int i = McpIndexOf(g_tickSymbols, _Symbol);
   if(i >= 0)
      PollTick(i);
  }

void OnBookEvent(const string &symbol)
  {
   // Only a notification: the book is read when it is sent, so the latest state wins.
   int i = McpIndexOf(g_bookSymbols, symbol);
   if(i >= 0)
     {
      if(g_bookDirty[i])
         g_dropped++;
      g_bookDirty[i] = true;
     }
  }

void OnTradeTransaction(const MqlTradeTransaction &trans, const MqlTradeRequest &request, const MqlTradeResult &result)
  {
   CJsonWriter w;
   w.BeginObject();
   int digits = trans.symbol != "" ? (int)SymbolInfoInteger(trans.symbol, SYMBOL_DIGITS) : 8;
   w.Str("type", EnumToString(trans.type));
   w.UInt("deal", trans.deal);
   w.UInt("order", trans.order);
   w.Str("symbol", trans.symbol);
   w.Str("order_type", EnumToString(trans.order_type));
   w.Str("order_state", EnumToString(trans.order_state));
   w.Str("deal_type", EnumToString(trans.deal_type));
   w.Str("time_type", EnumToString(trans.time_type));
   w.Int("time_expiration", (long)trans.time_expiration);
   w.Dbl("price", trans.price, digits);
   w.Dbl("price_trigger", trans.price_trigger, digits);
   w.Dbl("price_sl", trans.price_sl, digits);
   w.Dbl("price_tp", trans.price_tp, digits);
   w.Dbl("volume", trans.volume, VolumeDigits(trans.symbol));
   w.UInt("position", trans.position);
   w.UInt("position_by", trans.position_by);
   if(trans.type == TRADE_TRANSACTION_REQUEST)
     {
      w.Raw("request", TradeRequestJson(request));
      w.BeginObject("result");
      WriteTradeResult(w, result, request.symbol, request.action);
      w.EndObject();
     }
   w.EndObject();
   // Reliable: queued even while the link is down, never coalesced.
   McpQueueEvent("trade_tx", w.Text());
  }

//+------------------------------------------------------------------+
//| Transport: MQL5 sockets (client only), optional TLS.              |
//+------------------------------------------------------------------+
bool TransportOpen(const string host, const int port, const bool tls, string &error)
  {
   g_socket = SocketCreate();
   if(g_socket == INVALID_HANDLE)
     {
      error = "SocketCreate failed, error " + IntegerToString(GetLastError());
      return false;
     }
   // Connecting blocks the EA thread for at most this long; the timer loop resumes afterwards.
   if(!SocketConnect(g_socket, host, (uint)port, 3000))
     {
      int code = GetLastError();
      error = "SocketConnect failed, error " + IntegerToString(code)
              + (code == 4014 ? " (add " + host + " to Tools > Options > Expert Advisors > allowed URLs)" : "");
      TransportClose();
      return false;
     }
   if(tls && !SocketTlsHandshake(g_socket, host))
     {
      error = "TLS handshake failed, error " + IntegerToString(GetLastError());
      TransportClose();
      return false;
     }
   SocketTimeouts(g_socket, 2000, 1000);
   return true;
  }

int TransportSend(const uchar &data[], const int len)
  {
   if(g_socket == INVALID_HANDLE)
      return -1;
   int sent = g_linkTls ? SocketTlsSend(g_socket, data, (uint)len) : SocketSend(g_socket, data, (uint)len);
   if(sent < 0 && !SocketIsConnected(g_socket))
      return -1;
   return sent < 0 ? 0 : sent;
  }

int TransportRead(uchar &data[], const int maxLen)
  {
   if(g_socket == INVALID_HANDLE || !SocketIsConnected(g_socket))
      return -1;
   if(g_linkTls)
     {
      int got = SocketTlsReadAvailable(g_socket, data, (uint)maxLen);
      return got > 0 ? got : (SocketIsConnected(g_socket) ? 0 : -1);
     }
   uint readable = SocketIsReadable(g_socket);
   if(readable == 0)
      return 0;
   // SocketIsReadable may report 1 on an empty buffer: read with a 1 ms timeout, never longer.
   int got = SocketRead(g_socket, data, MathMin(readable, (uint)maxLen), 1);
   if(got > 0)
      return got;
   return SocketIsConnected(g_socket) ? 0 : -1;
  }

void TransportClose(void)
  {
   if(g_socket != INVALID_HANDLE)
      SocketClose(g_socket);
   g_socket = INVALID_HANDLE;
  }

//+------------------------------------------------------------------+
//| Handshake and heartbeat content                                   |
//+------------------------------------------------------------------+
int ServerTimeOffset(void) { return (int)(TimeTradeServer() - TimeGMT()); }

void EaBuildHello(CJsonWriter &w)
  {
   w.Str("token", g_token);
   w.Int("proto", MCP_PROTO);
   w.Str("platform", "MT5");
   w.Str("ea_version", EA_VERSION);
   w.Int("terminal_build", TerminalInfoInteger(TERMINAL_BUILD));
   w.BeginObject("account");
   w.Int("login", AccountInfoInteger(ACCOUNT_LOGIN));
   w.Str("server", AccountInfoString(ACCOUNT_SERVER));
   w.Str("company", AccountInfoString(ACCOUNT_COMPANY));
   w.Str("currency", AccountInfoString(ACCOUNT_CURRENCY));
   w.Str("trade_mode", EnumToString((ENUM_ACCOUNT_TRADE_MODE)AccountInfoInteger(ACCOUNT_TRADE_MODE)));
   w.Str("margin_mode", EnumToString((ENUM_ACCOUNT_MARGIN_MODE)AccountInfoInteger(ACCOUNT_MARGIN_MODE)));
   w.Int("leverage", AccountInfoInteger(ACCOUNT_LEVERAGE));
   w.EndObject();
   w.Int("server_time_offset_s", ServerTimeOffset());
   w.BeginArray("caps");
   w.Str("", "ticks");
   w.Str("", "book");
   w.Str("", "bars");
   w.Str("", "trade");
   w.Str("", "history");
   w.Str("", "calc");
   w.Str("", "trade_tx");
   w.EndArray();
  }

void EaOnWelcome(CJsonDoc &doc, const int data)
  {
   // The server re-sends the subscriptions it wants after a reconnect: they replace ours.
   ClearSubscriptions();
   string code = "", error = "";
   int subs = doc.Child(data, "subscriptions");
   if(subs >= 0 && !ApplySubscriptions(doc, subs, true, code, error))
      Print("McpBridge: could not restore a subscription: ", error);
   g_accountDirty = true;
  }

void EaBuildPong(CJsonWriter &w)
  {
   w.Int("queue", McpQueueLength());
   w.Int("dropped", g_dropped);
   w.Bool("terminal_connected", TerminalInfoInteger(TERMINAL_CONNECTED) != 0);
   w.Int("server_time_offset_s", ServerTimeOffset());
  }

void EaOnLinkDown(void)
  {
   for(int i = 0; i < ArraySize(g_tickDirty); i++)
      g_tickDirty[i] = false;
   for(int i = 0; i < ArraySize(g_bookDirty); i++)
      g_bookDirty[i] = false;
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
      OpTicksGet(id, doc, data);
      return;
     }
   if(op == "book.get")
     {
      OpBookGet(id, doc, data);
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
      OpPositionsList(id, doc, data);
      return;
     }
   if(op == "orders.list")
     {
      OpOrdersList(id, doc, data);
      return;
     }
   if(op == "history.deals")
     {
      OpHistoryDeals(id, doc, data);
      return;
     }
   if(op == "history.orders")
     {
      OpHistoryOrders(id, doc, data);
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
//| Small helpers                                                     |
//+------------------------------------------------------------------+
//--- Named apart from the built-in Digits(), which is the chart symbol's.
int SymbolDigits(const string symbol) { return symbol == "" ? 8 : (int)SymbolInfoInteger(symbol, SYMBOL_DIGITS); }

int MoneyDigits(void) { return (int)AccountInfoInteger(ACCOUNT_CURRENCY_DIGITS); }

//--- Decimals of the symbol's volume step (0.01 -> 2), so volumes travel exactly.
int VolumeDigits(const string symbol)
  {
   double step = symbol == "" ? 0.01 : SymbolInfoDouble(symbol, SYMBOL_VOLUME_STEP);
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

ulong GetULong(CJsonDoc &doc, const int node, const string key) { return (ulong)doc.GetLong(node, key, 0); }

template<typename T>
bool ParseEnumName(const string name, T &value, const int maxValue)
  {
   for(int i = 0; i <= maxValue; i++)
      if(EnumToString((T)i) == name)
        {
         value = (T)i;
         return true;
        }
   return false;
  }

bool ParseTimeframe(const string name, ENUM_TIMEFRAMES &tf)
  {
   for(int i = 0; i < ArraySize(g_allTimeframes); i++)
      if(EnumToString(g_allTimeframes[i]) == name)
        {
         tf = g_allTimeframes[i];
         return true;
        }
   return false;
  }

//--- Selects the symbol into Market Watch; answers SYMBOL_NOT_FOUND and returns false when that fails.
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
      Print("McpBridge: cannot open token file MQL5/Files/", name, ", error ", GetLastError());
      return "";
     }
   string token = FileReadString(handle);
   FileClose(handle);
   StringTrimLeft(token);
   StringTrimRight(token);
   return token;
  }

void SelectStartSymbols(void)
  {
   string names[];
   int n = StringSplit(InpSymbols, ',', names);
   for(int i = 0; i < n; i++)
     {
      string name = names[i];
      StringTrimLeft(name);
      StringTrimRight(name);
      if(name != "" && !SymbolSelect(name, true))
         Print("McpBridge: symbol ", name, " from the Symbols input is not available");
     }
  }

void ReadTerminalState(bool &connected, bool &tradeAllowed, bool &mqlAllowed)
  {
   connected = TerminalInfoInteger(TERMINAL_CONNECTED) != 0;
   tradeAllowed = TerminalInfoInteger(TERMINAL_TRADE_ALLOWED) != 0;
   mqlAllowed = MQLInfoInteger(MQL_TRADE_ALLOWED) != 0;
  }

//+------------------------------------------------------------------+
//| Account and symbols                                               |
//+------------------------------------------------------------------+
void OpAccountInfo(const string id)
  {
   int money = MoneyDigits();
   CJsonWriter w;
   w.BeginObject();
   w.Int("login", AccountInfoInteger(ACCOUNT_LOGIN));
   w.Str("server", AccountInfoString(ACCOUNT_SERVER));
   w.Str("name", AccountInfoString(ACCOUNT_NAME));
   w.Str("company", AccountInfoString(ACCOUNT_COMPANY));
   w.Str("currency", AccountInfoString(ACCOUNT_CURRENCY));
   w.Int("currency_digits", money);
   w.Int("leverage", AccountInfoInteger(ACCOUNT_LEVERAGE));
   w.Str("trade_mode", EnumToString((ENUM_ACCOUNT_TRADE_MODE)AccountInfoInteger(ACCOUNT_TRADE_MODE)));
   w.Str("margin_mode", EnumToString((ENUM_ACCOUNT_MARGIN_MODE)AccountInfoInteger(ACCOUNT_MARGIN_MODE)));
   w.Str("margin_so_mode", EnumToString((ENUM_ACCOUNT_STOPOUT_MODE)AccountInfoInteger(ACCOUNT_MARGIN_SO_MODE)));
   w.Dbl("margin_so_call", AccountInfoDouble(ACCOUNT_MARGIN_SO_CALL), 2);
   w.Dbl("margin_so_so", AccountInfoDouble(ACCOUNT_MARGIN_SO_SO), 2);
   w.Dbl("balance", AccountInfoDouble(ACCOUNT_BALANCE), money);
   w.Dbl("credit", AccountInfoDouble(ACCOUNT_CREDIT), money);
   w.Dbl("equity", AccountInfoDouble(ACCOUNT_EQUITY), money);
   w.Dbl("profit", AccountInfoDouble(ACCOUNT_PROFIT), money);
   w.Dbl("margin", AccountInfoDouble(ACCOUNT_MARGIN), money);
   w.Dbl("margin_free", AccountInfoDouble(ACCOUNT_MARGIN_FREE), money);
   w.Dbl("margin_level", AccountInfoDouble(ACCOUNT_MARGIN_LEVEL), 2);
   w.Bool("trade_allowed", AccountInfoInteger(ACCOUNT_TRADE_ALLOWED) != 0);
   w.Bool("trade_expert", AccountInfoInteger(ACCOUNT_TRADE_EXPERT) != 0);
   w.Bool("terminal_connected", TerminalInfoInteger(TERMINAL_CONNECTED) != 0);
   w.Bool("terminal_trade_allowed", TerminalInfoInteger(TERMINAL_TRADE_ALLOWED) != 0);
   w.Bool("mql_trade_allowed", MQLInfoInteger(MQL_TRADE_ALLOWED) != 0);
   w.Int("server_time_offset_s", ServerTimeOffset());
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
   // Seven arrays (Sunday..Saturday) of [from, to) seconds since the server-time day start.
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
   CJsonWriter w;
   w.BeginObject();
   w.Str("symbol", s);
   w.Str("description", SymbolInfoString(s, SYMBOL_DESCRIPTION));
   w.Str("path", SymbolInfoString(s, SYMBOL_PATH));
   w.Str("currency_base", SymbolInfoString(s, SYMBOL_CURRENCY_BASE));
   w.Str("currency_profit", SymbolInfoString(s, SYMBOL_CURRENCY_PROFIT));
   w.Str("currency_margin", SymbolInfoString(s, SYMBOL_CURRENCY_MARGIN));
   w.Bool("custom", SymbolInfoInteger(s, SYMBOL_CUSTOM) != 0);
   w.Bool("visible", SymbolInfoInteger(s, SYMBOL_VISIBLE) != 0);
   w.Int("digits", digits);
   w.Dbl("point", SymbolInfoDouble(s, SYMBOL_POINT), digits);
   w.Dbl("trade_tick_size", SymbolInfoDouble(s, SYMBOL_TRADE_TICK_SIZE), digits);
   w.Dbl("trade_tick_value", SymbolInfoDouble(s, SYMBOL_TRADE_TICK_VALUE), 10);
   w.Dbl("trade_tick_value_profit", SymbolInfoDouble(s, SYMBOL_TRADE_TICK_VALUE_PROFIT), 10);
   w.Dbl("trade_tick_value_loss", SymbolInfoDouble(s, SYMBOL_TRADE_TICK_VALUE_LOSS), 10);
   w.Int("spread", SymbolInfoInteger(s, SYMBOL_SPREAD));
   w.Bool("spread_float", SymbolInfoInteger(s, SYMBOL_SPREAD_FLOAT) != 0);
   w.Dbl("trade_contract_size", SymbolInfoDouble(s, SYMBOL_TRADE_CONTRACT_SIZE), 8);
   w.Str("trade_calc_mode", EnumToString((ENUM_SYMBOL_CALC_MODE)SymbolInfoInteger(s, SYMBOL_TRADE_CALC_MODE)));
   w.Str("trade_mode", EnumToString((ENUM_SYMBOL_TRADE_MODE)SymbolInfoInteger(s, SYMBOL_TRADE_MODE)));
   w.Str("trade_exemode", EnumToString((ENUM_SYMBOL_TRADE_EXECUTION)SymbolInfoInteger(s, SYMBOL_TRADE_EXEMODE)));
   w.Int("filling_mode", SymbolInfoInteger(s, SYMBOL_FILLING_MODE));
   w.Int("expiration_mode", SymbolInfoInteger(s, SYMBOL_EXPIRATION_MODE));
   w.Int("order_mode", SymbolInfoInteger(s, SYMBOL_ORDER_MODE));
   w.Str("order_gtc_mode", EnumToString((ENUM_SYMBOL_ORDER_GTC_MODE)SymbolInfoInteger(s, SYMBOL_ORDER_GTC_MODE)));
   w.Int("trade_stops_level", SymbolInfoInteger(s, SYMBOL_TRADE_STOPS_LEVEL));
   w.Int("trade_freeze_level", SymbolInfoInteger(s, SYMBOL_TRADE_FREEZE_LEVEL));
   w.Int("volume_digits", VolumeDigits(s));
   w.Dbl("volume_min", SymbolInfoDouble(s, SYMBOL_VOLUME_MIN), 8);
   w.Dbl("volume_max", SymbolInfoDouble(s, SYMBOL_VOLUME_MAX), 8);
   w.Dbl("volume_step", SymbolInfoDouble(s, SYMBOL_VOLUME_STEP), 8);
   w.Dbl("volume_limit", SymbolInfoDouble(s, SYMBOL_VOLUME_LIMIT), 8);
   w.Dbl("margin_initial", SymbolInfoDouble(s, SYMBOL_MARGIN_INITIAL), 8);
   w.Dbl("margin_maintenance", SymbolInfoDouble(s, SYMBOL_MARGIN_MAINTENANCE), 8);
   w.Dbl("margin_hedged", SymbolInfoDouble(s, SYMBOL_MARGIN_HEDGED), 8);
   w.Bool("margin_hedged_use_leg", SymbolInfoInteger(s, SYMBOL_MARGIN_HEDGED_USE_LEG) != 0);
   w.Str("swap_mode", EnumToString((ENUM_SYMBOL_SWAP_MODE)SymbolInfoInteger(s, SYMBOL_SWAP_MODE)));
   w.Dbl("swap_long", SymbolInfoDouble(s, SYMBOL_SWAP_LONG), 8);
   w.Dbl("swap_short", SymbolInfoDouble(s, SYMBOL_SWAP_SHORT), 8);
   w.Str("swap_rollover3days", EnumToString((ENUM_DAY_OF_WEEK)SymbolInfoInteger(s, SYMBOL_SWAP_ROLLOVER3DAYS)));
   w.Int("ticks_bookdepth", SymbolInfoInteger(s, SYMBOL_TICKS_BOOKDEPTH));
   WriteSessions(w, "sessions_quote", s, false);
   WriteSessions(w, "sessions_trade", s, true);
   w.EndObject();
   McpReplyOk(id, w.Text());
  }

void OpSymbolSelect(const string id, CJsonDoc &doc, const int data)
  {
   string s = doc.GetString(data, "symbol");
   bool show = doc.GetBool(data, "select", true);
   if(s == "")
     {
      McpReplyError(id, "INVALID_ARGUMENT", "'symbol' is required", 0);
      return;
     }
   if(!SymbolSelect(s, show))
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
void WriteTick(CJsonWriter &w, const string symbol, const MqlTick &tick)
  {
   int digits = SymbolDigits(symbol);
   w.Str("symbol", symbol);
   w.Int("time", (long)tick.time);
   w.Int("time_msc", tick.time_msc);
   w.Dbl("bid", tick.bid, digits);
   w.Dbl("ask", tick.ask, digits);
   w.Dbl("last", tick.last, digits);
   w.UInt("volume", tick.volume);
   w.Dbl("volume_real", tick.volume_real, 8);
   w.Int("flags", (long)tick.flags);
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

//--- rates.get {symbol, tf, from?, to?, count?}: a time range (server-time seconds, oldest first, paginated by
//--- next_from) or, without from, the latest count bars.
void OpRatesGet(const string id, CJsonDoc &doc, const int data)
  {
   string s = doc.GetString(data, "symbol");
   ENUM_TIMEFRAMES tf = PERIOD_CURRENT;
   if(!ParseTimeframe(doc.GetString(data, "tf"), tf))
     {
      McpReplyError(id, "INVALID_ARGUMENT", "'tf' must be a timeframe name such as PERIOD_M1", 0);
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
      datetime to = doc.Has(data, "to") ? (datetime)doc.GetLong(data, "to") : TimeTradeServer();
      copied = CopyRates(s, tf, from, to, rates);
     }
   else
      copied = CopyRates(s, tf, 0, limit, rates);
   if(copied < 0)
     {
      McpReplyError(id, "INTERNAL", "CopyRates failed (history may still be loading; retry)", GetLastError());
      return;
     }
   int n = MathMin(copied, limit);
   int digits = SymbolDigits(s);
   CJsonWriter w;
   w.BeginObject();
   w.Str("symbol", s);
   w.Str("tf", EnumToString(tf));
   w.BeginArray("rates");
   for(int i = 0; i < n; i++)
     {
      w.BeginObject();
      w.Int("time", (long)rates[i].time);
      w.Dbl("open", rates[i].open, digits);
      w.Dbl("high", rates[i].high, digits);
      w.Dbl("low", rates[i].low, digits);
      w.Dbl("close", rates[i].close, digits);
      w.Int("tick_volume", rates[i].tick_volume);
      w.Int("spread", rates[i].spread);
      w.Int("real_volume", rates[i].real_volume);
      w.EndObject();
     }
   w.EndArray();
   w.Bool("more", copied > n);
   if(copied > n)
      w.Int("next_from", (long)rates[n].time);
   w.EndObject();
   McpReplyOk(id, w.Text());
  }

//--- ticks.get {symbol, from_msc, to_msc?, count?, flags?}: oldest first; a page never splits one millisecond,
//--- so next_from_msc can be used as the next from_msc without losing or repeating ticks.
void OpTicksGet(const string id, CJsonDoc &doc, const int data)
  {
   string s = doc.GetString(data, "symbol");
   if(!RequireSymbol(id, s))
      return;
   int limit = (int)doc.GetLong(data, "count", MAX_PAGE);
   if(limit < 1 || limit > MAX_PAGE)
     {
      McpReplyError(id, "INVALID_ARGUMENT", "'count' must be 1-" + IntegerToString(MAX_PAGE), 0);
      return;
     }
   string flagName = doc.GetString(data, "flags", "all");
   uint flags = flagName == "info" ? COPY_TICKS_INFO : (flagName == "trade" ? COPY_TICKS_TRADE : COPY_TICKS_ALL);
   ulong from = (ulong)doc.GetLong(data, "from_msc", 0);
   ulong to = doc.Has(data, "to_msc") ? (ulong)doc.GetLong(data, "to_msc") : (ulong)TimeTradeServer() * 1000 + 999;
   MqlTick ticks[];
   int copied = CopyTicksRange(s, ticks, flags, from, to);
   if(copied < 0)
     {
      McpReplyError(id, "INTERNAL", "CopyTicksRange failed (ticks may still be synchronising; retry)", GetLastError());
      return;
     }
   int n = MathMin(copied, limit);
   if(copied > limit)
      while(n > 1 && ticks[n].time_msc == ticks[n - 1].time_msc)
         n--;
   CJsonWriter w;
   w.BeginObject();
   w.Str("symbol", s);
   w.BeginArray("ticks");
   for(int i = 0; i < n; i++)
     {
      w.BeginObject();
      WriteTick(w, s, ticks[i]);
      w.EndObject();
     }
   w.EndArray();
   w.Bool("more", copied > n);
   if(copied > n)
      w.Int("next_from_msc", ticks[n].time_msc);
   w.EndObject();
   McpReplyOk(id, w.Text());
  }

//--- MarketBookGet lists asks from the highest price down, then bids from the highest down:
//--- keep the depth levels of each side nearest the spread (depth <= 0 keeps all).
void WriteBook(CJsonWriter &w, const string symbol, const MqlBookInfo &book[], const int depth)
  {
   int digits = SymbolDigits(symbol);
   int n = ArraySize(book);
   int totalSells = 0;
   for(int i = 0; i < n; i++)
      if(IsSellLevel(book[i].type))
         totalSells++;
   int sells = 0, buys = 0;
   w.Str("symbol", symbol);
   w.BeginArray("book");
   for(int i = 0; i < n; i++)
     {
      if(IsSellLevel(book[i].type))
        {
         sells++;
         if(depth > 0 && totalSells - sells >= depth)
            continue;
        }
      else
        {
         buys++;
         if(depth > 0 && buys > depth)
            continue;
        }
      w.BeginObject();
      w.Str("type", EnumToString(book[i].type));
      w.Dbl("price", book[i].price, digits);
      w.Int("volume", book[i].volume);
      w.Dbl("volume_real", book[i].volume_real, 8);
      w.EndObject();
     }
   w.EndArray();
  }

bool IsSellLevel(const ENUM_BOOK_TYPE type) { return type == BOOK_TYPE_SELL || type == BOOK_TYPE_SELL_MARKET; }

void OpBookGet(const string id, CJsonDoc &doc, const int data)
  {
   string s = doc.GetString(data, "symbol");
   if(!RequireSymbol(id, s))
      return;
   int depth = (int)doc.GetLong(data, "depth", InpBookDepth);
   bool subscribed = McpIndexOf(g_bookSymbols, s) >= 0;
   if(!subscribed && !MarketBookAdd(s))
     {
      McpReplyError(id, "INTERNAL", "MarketBookAdd('" + s + "') failed: no depth of market for this symbol", GetLastError());
      return;
     }
   MqlBookInfo book[];
   bool ok = MarketBookGet(s, book);
   if(!subscribed)
      MarketBookRelease(s);
   if(!ok)
     {
      McpReplyError(id, "INTERNAL", "MarketBookGet('" + s + "') failed; subscribe to the book first for a warm state", GetLastError());
      return;
     }
   CJsonWriter w;
   w.BeginObject();
   WriteBook(w, s, book, depth);
   w.EndObject();
   McpReplyOk(id, w.Text());
  }

//+------------------------------------------------------------------+
//| Subscriptions                                                     |
//+------------------------------------------------------------------+
void ClearSubscriptions(void)
  {
   for(int i = 0; i < ArraySize(g_bookSymbols); i++)
      MarketBookRelease(g_bookSymbols[i]);
   ArrayResize(g_tickSymbols, 0);
   ArrayResize(g_tickLastMsc, 0);
   ArrayResize(g_tickDirty, 0);
   ArrayResize(g_tickLatest, 0);
   ArrayResize(g_bookSymbols, 0);
   ArrayResize(g_bookDirty, 0);
   ArrayResize(g_barSymbols, 0);
   ArrayResize(g_barTfs, 0);
   ArrayResize(g_barLast, 0);
  }

void AddTick(const string symbol)
  {
   if(McpIndexOf(g_tickSymbols, symbol) >= 0)
      return;
   int n = ArraySize(g_tickSymbols);
   ArrayResize(g_tickSymbols, n + 1);
   ArrayResize(g_tickLastMsc, n + 1);
   ArrayResize(g_tickDirty, n + 1);
   ArrayResize(g_tickLatest, n + 1);
   g_tickSymbols[n] = symbol;
   g_tickLastMsc[n] = 0;
   g_tickDirty[n] = false;
  }

void RemoveTick(const string symbol)
  {
   int i = McpIndexOf(g_tickSymbols, symbol);
   if(i < 0)
      return;
   int last = ArraySize(g_tickSymbols) - 1;
   g_tickSymbols[i] = g_tickSymbols[last];
   g_tickLastMsc[i] = g_tickLastMsc[last];
   g_tickDirty[i] = g_tickDirty[last];
   g_tickLatest[i] = g_tickLatest[last];
   ArrayResize(g_tickSymbols, last);
   ArrayResize(g_tickLastMsc, last);
   ArrayResize(g_tickDirty, last);
   ArrayResize(g_tickLatest, last);
  }

bool AddBook(const string symbol)
  {
   if(McpIndexOf(g_bookSymbols, symbol) >= 0)
      return true;
   if(!MarketBookAdd(symbol))
      return false;
   int n = ArraySize(g_bookSymbols);
   ArrayResize(g_bookSymbols, n + 1);
   ArrayResize(g_bookDirty, n + 1);
   g_bookSymbols[n] = symbol;
   g_bookDirty[n] = true;
   return true;
  }

void RemoveBook(const string symbol)
  {
   int i = McpIndexOf(g_bookSymbols, symbol);
   if(i < 0)
      return;
   MarketBookRelease(symbol);
   int last = ArraySize(g_bookSymbols) - 1;
   g_bookSymbols[i] = g_bookSymbols[last];
   g_bookDirty[i] = g_bookDirty[last];
   ArrayResize(g_bookSymbols, last);
   ArrayResize(g_bookDirty, last);
  }

int IndexOfBar(const string symbol, const ENUM_TIMEFRAMES tf)
  {
   for(int i = 0; i < ArraySize(g_barSymbols); i++)
      if(g_barSymbols[i] == symbol && g_barTfs[i] == tf)
         return i;
   return -1;
  }

void AddBar(const string symbol, const ENUM_TIMEFRAMES tf)
  {
   if(IndexOfBar(symbol, tf) >= 0)
      return;
   int n = ArraySize(g_barSymbols);
   ArrayResize(g_barSymbols, n + 1);
   ArrayResize(g_barTfs, n + 1);
   ArrayResize(g_barLast, n + 1);
   g_barSymbols[n] = symbol;
   g_barTfs[n] = tf;
   // Start from the last closed bar: only bars that close from now on are sent.
   MqlRates rates[];
   g_barLast[n] = CopyRates(symbol, tf, 1, 1, rates) == 1 ? rates[0].time : 0;
  }

void RemoveBar(const string symbol, const ENUM_TIMEFRAMES tf)
  {
   int i = IndexOfBar(symbol, tf);
   if(i < 0)
      return;
   int last = ArraySize(g_barSymbols) - 1;
   g_barSymbols[i] = g_barSymbols[last];
   g_barTfs[i] = g_barTfs[last];
   g_barLast[i] = g_barLast[last];
   ArrayResize(g_barSymbols, last);
   ArrayResize(g_barTfs, last);
   ArrayResize(g_barLast, last);
  }

//--- Validates every symbol and timeframe first, so a bad entry changes nothing.
bool ApplySubscriptions(CJsonDoc &doc, const int node, const bool add, string &code, string &error)
  {
   int ticks = doc.Child(node, "ticks");
   int books = doc.Child(node, "book");
   int bars = doc.Child(node, "bars");
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
           {
            if(add)
               AddTick(s);
            else
               RemoveTick(s);
           }
        }
      for(int i = 0; i < doc.Size(books); i++)
        {
         string s = doc.AsString(doc.At(books, i));
         if(pass == 0 && add && !SymbolSelect(s, true))
           {
            code = "SYMBOL_NOT_FOUND";
            error = "symbol '" + s + "' is not offered by this broker";
            return false;
           }
         if(pass == 1)
           {
            if(!add)
               RemoveBook(s);
            else
               if(!AddBook(s))
                 {
                  code = "INVALID_ARGUMENT";
                  error = "MarketBookAdd('" + s + "') failed: no depth of market for this symbol";
                  return false;
                 }
           }
        }
      for(int i = 0; i < doc.Size(bars); i++)
        {
         int item = doc.At(bars, i);
         string s = doc.GetString(item, "symbol");
         ENUM_TIMEFRAMES tf = PERIOD_CURRENT;
         if(!ParseTimeframe(doc.GetString(item, "tf"), tf))
           {
            code = "INVALID_ARGUMENT";
            error = "bar subscription for '" + s + "' has an unknown tf '" + doc.GetString(item, "tf") + "'";
            return false;
           }
         if(pass == 0 && add && !SymbolSelect(s, true))
           {
            code = "SYMBOL_NOT_FOUND";
            error = "symbol '" + s + "' is not offered by this broker";
            return false;
           }
         if(pass == 1)
           {
            if(add)
               AddBar(s, tf);
            else
               RemoveBar(s, tf);
           }
        }
     }
   return true;
  }

void OpSubscribe(const string id, CJsonDoc &doc, const int data, const bool add)
  {
   string code = "", error = "";
   if(!ApplySubscriptions(doc, data, add, code, error))
     {
      McpReplyError(id, code, error, GetLastError());
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
   for(int i = 0; i < ArraySize(g_bookSymbols); i++)
      w.Str("", g_bookSymbols[i]);
   w.EndArray();
   w.BeginArray("bars");
   for(int i = 0; i < ArraySize(g_barSymbols); i++)
     {
      w.BeginObject();
      w.Str("symbol", g_barSymbols[i]);
      w.Str("tf", EnumToString(g_barTfs[i]));
      w.EndObject();
     }
   w.EndArray();
   w.EndObject();
   w.EndObject();
   McpReplyOk(id, w.Text());
  }

//+------------------------------------------------------------------+
//| Positions, orders, history                                        |
//+------------------------------------------------------------------+
void WritePosition(CJsonWriter &w)
  {
   string s = PositionGetString(POSITION_SYMBOL);
   int digits = SymbolDigits(s);
   int money = MoneyDigits();
   w.BeginObject();
   w.Int("ticket", PositionGetInteger(POSITION_TICKET));
   w.Int("identifier", PositionGetInteger(POSITION_IDENTIFIER));
   w.Str("symbol", s);
   w.Str("type", EnumToString((ENUM_POSITION_TYPE)PositionGetInteger(POSITION_TYPE)));
   w.Dbl("volume", PositionGetDouble(POSITION_VOLUME), VolumeDigits(s));
   w.Dbl("price_open", PositionGetDouble(POSITION_PRICE_OPEN), digits);
   w.Dbl("price_current", PositionGetDouble(POSITION_PRICE_CURRENT), digits);
   w.Dbl("sl", PositionGetDouble(POSITION_SL), digits);
   w.Dbl("tp", PositionGetDouble(POSITION_TP), digits);
   w.Dbl("swap", PositionGetDouble(POSITION_SWAP), money);
   w.Dbl("profit", PositionGetDouble(POSITION_PROFIT), money);
   w.Int("time_msc", PositionGetInteger(POSITION_TIME_MSC));
   w.Int("time_update_msc", PositionGetInteger(POSITION_TIME_UPDATE_MSC));
   w.Int("magic", PositionGetInteger(POSITION_MAGIC));
   w.Str("comment", PositionGetString(POSITION_COMMENT));
   w.Str("reason", EnumToString((ENUM_POSITION_REASON)PositionGetInteger(POSITION_REASON)));
   w.EndObject();
  }

void OpPositionsList(const string id, CJsonDoc &doc, const int data)
  {
   string filter = doc.GetString(data, "symbol");
   CJsonWriter w;
   w.BeginObject();
   w.BeginArray("positions");
   int total = PositionsTotal();
   for(int i = 0; i < total; i++)
     {
      if(PositionGetTicket(i) == 0)
         continue;
      if(filter != "" && PositionGetString(POSITION_SYMBOL) != filter)
         continue;
      WritePosition(w);
     }
   w.EndArray();
   w.EndObject();
   McpReplyOk(id, w.Text());
  }

void OpOrdersList(const string id, CJsonDoc &doc, const int data)
  {
   string filter = doc.GetString(data, "symbol");
   CJsonWriter w;
   w.BeginObject();
   w.BeginArray("orders");
   int total = OrdersTotal();
   for(int i = 0; i < total; i++)
     {
      ulong ticket = OrderGetTicket(i);
      if(ticket == 0)
         continue;
      string s = OrderGetString(ORDER_SYMBOL);
      if(filter != "" && s != filter)
         continue;
      int digits = SymbolDigits(s);
      w.BeginObject();
      w.UInt("ticket", ticket);
      w.Str("symbol", s);
      w.Str("type", EnumToString((ENUM_ORDER_TYPE)OrderGetInteger(ORDER_TYPE)));
      w.Str("state", EnumToString((ENUM_ORDER_STATE)OrderGetInteger(ORDER_STATE)));
      w.Dbl("volume_initial", OrderGetDouble(ORDER_VOLUME_INITIAL), VolumeDigits(s));
      w.Dbl("volume_current", OrderGetDouble(ORDER_VOLUME_CURRENT), VolumeDigits(s));
      w.Dbl("price_open", OrderGetDouble(ORDER_PRICE_OPEN), digits);
      w.Dbl("price_stoplimit", OrderGetDouble(ORDER_PRICE_STOPLIMIT), digits);
      w.Dbl("sl", OrderGetDouble(ORDER_SL), digits);
      w.Dbl("tp", OrderGetDouble(ORDER_TP), digits);
      w.Dbl("price_current", OrderGetDouble(ORDER_PRICE_CURRENT), digits);
      w.Int("time_setup_msc", OrderGetInteger(ORDER_TIME_SETUP_MSC));
      w.Int("time_expiration", OrderGetInteger(ORDER_TIME_EXPIRATION));
      w.Str("type_time", EnumToString((ENUM_ORDER_TYPE_TIME)OrderGetInteger(ORDER_TYPE_TIME)));
      w.Str("type_filling", EnumToString((ENUM_ORDER_TYPE_FILLING)OrderGetInteger(ORDER_TYPE_FILLING)));
      w.Int("magic", OrderGetInteger(ORDER_MAGIC));
      w.Str("comment", OrderGetString(ORDER_COMMENT));
      w.Int("position_id", OrderGetInteger(ORDER_POSITION_ID));
      w.Int("position_by_id", OrderGetInteger(ORDER_POSITION_BY_ID));
      w.Str("reason", EnumToString((ENUM_ORDER_REASON)OrderGetInteger(ORDER_REASON)));
      w.EndObject();
     }
   w.EndArray();
   w.EndObject();
   McpReplyOk(id, w.Text());
  }

//--- history.* {from, to, symbol?, offset?}: server-time seconds, to exclusive; at most HISTORY_PAGE rows per answer.
bool SelectHistory(const string id, CJsonDoc &doc, const int data, long &fromMsc, long &toMsc, int &offset)
  {
   if(!doc.Has(data, "from") || !doc.Has(data, "to"))
     {
      McpReplyError(id, "INVALID_ARGUMENT", "'from' and 'to' (server-time seconds) are required", 0);
      return false;
     }
   long from = doc.GetLong(data, "from");
   long to = doc.GetLong(data, "to");
   offset = (int)doc.GetLong(data, "offset", 0);
   if(to <= from || offset < 0)
     {
      McpReplyError(id, "INVALID_ARGUMENT", "'to' must be after 'from' and 'offset' not negative", 0);
      return false;
     }
   if(!HistorySelect((datetime)from, (datetime)to))
     {
      McpReplyError(id, "INTERNAL", "HistorySelect failed", GetLastError());
      return false;
     }
   fromMsc = from * 1000;
   toMsc = to * 1000;
   return true;
  }

void OpHistoryDeals(const string id, CJsonDoc &doc, const int data)
  {
   long fromMsc = 0, toMsc = 0;
   int offset = 0;
   if(!SelectHistory(id, doc, data, fromMsc, toMsc, offset))
      return;
   string filter = doc.GetString(data, "symbol");
   int money = MoneyDigits();
   int total = HistoryDealsTotal();
   int matched = 0, written = 0;
   CJsonWriter w;
   w.BeginObject();
   w.BeginArray("deals");
   for(int i = 0; i < total && written < HISTORY_PAGE; i++)
     {
      ulong ticket = HistoryDealGetTicket(i);
      if(ticket == 0)
         continue;
      long time = HistoryDealGetInteger(ticket, DEAL_TIME_MSC);
      string s = HistoryDealGetString(ticket, DEAL_SYMBOL);
      if(time < fromMsc || time >= toMsc || (filter != "" && s != filter) || matched++ < offset)
         continue;
      int digits = SymbolDigits(s);
      w.BeginObject();
      w.UInt("ticket", ticket);
      w.Int("order", HistoryDealGetInteger(ticket, DEAL_ORDER));
      w.Int("position_id", HistoryDealGetInteger(ticket, DEAL_POSITION_ID));
      w.Str("symbol", s);
      w.Str("type", EnumToString((ENUM_DEAL_TYPE)HistoryDealGetInteger(ticket, DEAL_TYPE)));
      w.Str("entry", EnumToString((ENUM_DEAL_ENTRY)HistoryDealGetInteger(ticket, DEAL_ENTRY)));
      w.Dbl("volume", HistoryDealGetDouble(ticket, DEAL_VOLUME), VolumeDigits(s));
      w.Dbl("price", HistoryDealGetDouble(ticket, DEAL_PRICE), digits);
      w.Dbl("profit", HistoryDealGetDouble(ticket, DEAL_PROFIT), money);
      w.Dbl("commission", HistoryDealGetDouble(ticket, DEAL_COMMISSION), money);
      w.Dbl("swap", HistoryDealGetDouble(ticket, DEAL_SWAP), money);
      w.Dbl("fee", HistoryDealGetDouble(ticket, DEAL_FEE), money);
      w.Int("time_msc", time);
      w.Int("magic", HistoryDealGetInteger(ticket, DEAL_MAGIC));
      w.Str("comment", HistoryDealGetString(ticket, DEAL_COMMENT));
      w.Str("reason", EnumToString((ENUM_DEAL_REASON)HistoryDealGetInteger(ticket, DEAL_REASON)));
      w.Dbl("sl", HistoryDealGetDouble(ticket, DEAL_SL), digits);
      w.Dbl("tp", HistoryDealGetDouble(ticket, DEAL_TP), digits);
      w.EndObject();
      written++;
     }
   w.EndArray();
   w.Bool("more", written == HISTORY_PAGE);
   if(written == HISTORY_PAGE)
      w.Int("next_offset", offset + written);
   w.EndObject();
   McpReplyOk(id, w.Text());
  }

void OpHistoryOrders(const string id, CJsonDoc &doc, const int data)
  {
   long fromMsc = 0, toMsc = 0;
   int offset = 0;
   if(!SelectHistory(id, doc, data, fromMsc, toMsc, offset))
      return;
   string filter = doc.GetString(data, "symbol");
   int total = HistoryOrdersTotal();
   int matched = 0, written = 0;
   CJsonWriter w;
   w.BeginObject();
   w.BeginArray("orders");
   for(int i = 0; i < total && written < HISTORY_PAGE; i++)
     {
      ulong ticket = HistoryOrderGetTicket(i);
      if(ticket == 0)
         continue;
      long done = HistoryOrderGetInteger(ticket, ORDER_TIME_DONE_MSC);
      string s = HistoryOrderGetString(ticket, ORDER_SYMBOL);
      if(done < fromMsc || done >= toMsc || (filter != "" && s != filter) || matched++ < offset)
         continue;
      int digits = SymbolDigits(s);
      w.BeginObject();
      w.UInt("ticket", ticket);
      w.Str("symbol", s);
      w.Str("type", EnumToString((ENUM_ORDER_TYPE)HistoryOrderGetInteger(ticket, ORDER_TYPE)));
      w.Str("state", EnumToString((ENUM_ORDER_STATE)HistoryOrderGetInteger(ticket, ORDER_STATE)));
      w.Dbl("volume_initial", HistoryOrderGetDouble(ticket, ORDER_VOLUME_INITIAL), VolumeDigits(s));
      w.Dbl("volume_current", HistoryOrderGetDouble(ticket, ORDER_VOLUME_CURRENT), VolumeDigits(s));
      w.Dbl("price_open", HistoryOrderGetDouble(ticket, ORDER_PRICE_OPEN), digits);
      w.Dbl("price_stoplimit", HistoryOrderGetDouble(ticket, ORDER_PRICE_STOPLIMIT), digits);
      w.Dbl("sl", HistoryOrderGetDouble(ticket, ORDER_SL), digits);
      w.Dbl("tp", HistoryOrderGetDouble(ticket, ORDER_TP), digits);
      w.Int("time_setup_msc", HistoryOrderGetInteger(ticket, ORDER_TIME_SETUP_MSC));
      w.Int("time_done_msc", done);
      w.Int("time_expiration", HistoryOrderGetInteger(ticket, ORDER_TIME_EXPIRATION));
      w.Str("type_time", EnumToString((ENUM_ORDER_TYPE_TIME)HistoryOrderGetInteger(ticket, ORDER_TYPE_TIME)));
      w.Str("type_filling", EnumToString((ENUM_ORDER_TYPE_FILLING)HistoryOrderGetInteger(ticket, ORDER_TYPE_FILLING)));
      w.Int("magic", HistoryOrderGetInteger(ticket, ORDER_MAGIC));
      w.Str("comment", HistoryOrderGetString(ticket, ORDER_COMMENT));
      w.Int("position_id", HistoryOrderGetInteger(ticket, ORDER_POSITION_ID));
      w.Int("position_by_id", HistoryOrderGetInteger(ticket, ORDER_POSITION_BY_ID));
      w.Str("reason", EnumToString((ENUM_ORDER_REASON)HistoryOrderGetInteger(ticket, ORDER_REASON)));
      w.EndObject();
      written++;
     }
   w.EndArray();
   w.Bool("more", written == HISTORY_PAGE);
   if(written == HISTORY_PAGE)
      w.Int("next_offset", offset + written);
   w.EndObject();
   McpReplyOk(id, w.Text());
  }

//+------------------------------------------------------------------+
//| Trade requests: parsing, checks, calculators                      |
//+------------------------------------------------------------------+
ENUM_ORDER_TYPE_FILLING DefaultFilling(const string symbol, const ENUM_TRADE_REQUEST_ACTIONS action)
  {
   // Pending orders always use RETURN; market orders the first policy the symbol allows.
   if(action == TRADE_ACTION_PENDING)
      return ORDER_FILLING_RETURN;
   long modes = SymbolInfoInteger(symbol, SYMBOL_FILLING_MODE);
   if((modes & SYMBOL_FILLING_FOK) != 0)
      return ORDER_FILLING_FOK;
   if((modes & SYMBOL_FILLING_IOC) != 0)
      return ORDER_FILLING_IOC;
   return ORDER_FILLING_RETURN;
  }

//--- Fills an MqlTradeRequest from its JSON mirror (enums by MQL name). On a bad field returns false with the
//--- protocol error code (INVALID_ARGUMENT or SYMBOL_NOT_FOUND) and a reason.
bool ReadTradeRequest(CJsonDoc &doc, const int node, MqlTradeRequest &req, string &code, string &error)
  {
   ZeroMemory(req);
   code = "INVALID_ARGUMENT";
   if(doc.Kind(node) != JSON_OBJECT)
     {
      error = "'request' object is required";
      return false;
     }
   ENUM_TRADE_REQUEST_ACTIONS action = TRADE_ACTION_DEAL;
   ENUM_ORDER_TYPE type = ORDER_TYPE_BUY;
   ENUM_ORDER_TYPE_TIME typeTime = ORDER_TIME_GTC;
   ENUM_ORDER_TYPE_FILLING filling = ORDER_FILLING_RETURN;
   string actionName = doc.GetString(node, "action");
   if(!ParseEnumName(actionName, action, 16))
     {
      error = "unknown action '" + actionName + "' (expected TRADE_ACTION_DEAL, _PENDING, _SLTP, _MODIFY, _REMOVE or _CLOSE_BY)";
      return false;
     }
   if(doc.Has(node, "type") && !ParseEnumName(doc.GetString(node, "type"), type, 16))
     {
      error = "unknown type '" + doc.GetString(node, "type") + "' (expected an ORDER_TYPE_* name)";
      return false;
     }
   if(doc.Has(node, "type_time") && !ParseEnumName(doc.GetString(node, "type_time"), typeTime, 8))
     {
      error = "unknown type_time '" + doc.GetString(node, "type_time") + "' (expected an ORDER_TIME_* name)";
      return false;
     }
   if(doc.Has(node, "type_filling") && !ParseEnumName(doc.GetString(node, "type_filling"), filling, 8))
     {
      error = "unknown type_filling '" + doc.GetString(node, "type_filling") + "' (expected an ORDER_FILLING_* name)";
      return false;
     }
   req.action = action;
   req.type = type;
   req.type_time = typeTime;
   req.symbol = doc.GetString(node, "symbol");
   req.volume = doc.GetDouble(node, "volume");
   req.price = doc.GetDouble(node, "price");
   req.stoplimit = doc.GetDouble(node, "stoplimit");
   req.sl = doc.GetDouble(node, "sl");
   req.tp = doc.GetDouble(node, "tp");
   req.deviation = (ulong)doc.GetLong(node, "deviation", 0);
   req.magic = GetULong(doc, node, "magic");
   req.order = GetULong(doc, node, "order");
   req.position = GetULong(doc, node, "position");
   req.position_by = GetULong(doc, node, "position_by");
   req.expiration = (datetime)doc.GetLong(node, "expiration", 0);
   req.comment = doc.GetString(node, "comment");
   if(req.symbol != "" && !SymbolSelect(req.symbol, true))
     {
      code = "SYMBOL_NOT_FOUND";
      error = "symbol '" + req.symbol + "' is not offered by this broker";
      return false;
     }
   // Absent filling: the symbol's first allowed policy (bridge/PROTOCOL.md).
   req.type_filling = doc.Has(node, "type_filling") || req.symbol == "" ? filling : DefaultFilling(req.symbol, action);
   return true;
  }

string TradeRequestJson(const MqlTradeRequest &req)
  {
   int digits = SymbolDigits(req.symbol);
   CJsonWriter w;
   w.BeginObject();
   w.Str("action", EnumToString(req.action));
   w.Str("symbol", req.symbol);
   w.Str("type", EnumToString(req.type));
   w.Dbl("volume", req.volume, VolumeDigits(req.symbol));
   w.Dbl("price", req.price, digits);
   w.Dbl("stoplimit", req.stoplimit, digits);
   w.Dbl("sl", req.sl, digits);
   w.Dbl("tp", req.tp, digits);
   w.UInt("deviation", req.deviation);
   w.Str("type_filling", EnumToString(req.type_filling));
   w.Str("type_time", EnumToString(req.type_time));
   w.Int("expiration", (long)req.expiration);
   w.UInt("magic", req.magic);
   w.Str("comment", req.comment);
   w.UInt("order", req.order);
   w.UInt("position", req.position);
   w.UInt("position_by", req.position_by);
   w.EndObject();
   return w.Text();
  }

void WriteTradeResult(CJsonWriter &w, const MqlTradeResult &res, const string symbol, const ENUM_TRADE_REQUEST_ACTIONS action)
  {
   int digits = SymbolDigits(symbol);
   w.Int("retcode", (long)res.retcode);
   w.Str("retcode_name", RetcodeName(res.retcode));
   w.Str("outcome", RetcodeOutcome(res.retcode, action == TRADE_ACTION_PENDING));
   w.UInt("deal", res.deal);
   w.UInt("order", res.order);
   w.Dbl("volume", res.volume, VolumeDigits(symbol));
   w.Dbl("price", res.price, digits);
   w.Dbl("bid", res.bid, digits);
   w.Dbl("ask", res.ask, digits);
   w.Str("comment", res.comment);
   w.Int("request_id", (long)res.request_id);
   w.Int("retcode_external", res.retcode_external);
  }

//--- The terminal-side conditions that refuse a trade before OrderSend (sent:false at the server).
bool TradeAllowed(const string id)
  {
   if(!g_tradingEnabled)
     {
      McpReplyError(id, "TRADING_DISABLED", "the server did not enable trading for this account (welcome.trading_enabled=false)", 0);
      return false;
     }
   if(TerminalInfoInteger(TERMINAL_CONNECTED) == 0)
     {
      McpReplyError(id, "NOT_CONNECTED", "the terminal is not connected to the trade server", 0);
      return false;
     }
   if(TerminalInfoInteger(TERMINAL_TRADE_ALLOWED) == 0 || MQLInfoInteger(MQL_TRADE_ALLOWED) == 0)
     {
      McpReplyError(id, "TRADING_DISABLED", "Algo Trading is off in the terminal or in the EA's properties", 0);
      return false;
     }
   if(AccountInfoInteger(ACCOUNT_TRADE_ALLOWED) == 0 || AccountInfoInteger(ACCOUNT_TRADE_EXPERT) == 0)
     {
      McpReplyError(id, "TRADING_DISABLED", "the broker does not allow (expert) trading on this account", 0);
      return false;
     }
   return true;
  }

//--- Sends the request once per key; a repeat gets the remembered result with duplicate=true.
void ExecuteTrade(const string id, const string clientOrderId, MqlTradeRequest &req)
  {
   string key = DedupeKey(req.comment, clientOrderId);
   string cached = "";
   if(McpCacheFind(key, cached))
     {
      McpReplyOk(id, cached + ",\"duplicate\":true}");
      return;
     }
   if(!TradeAllowed(id))
      return;
   MqlTradeResult res;
   ZeroMemory(res);
   ResetLastError();
   bool accepted = OrderSend(req, res);
   int mqlError = GetLastError();
   CJsonWriter w;
   w.BeginObject();
   WriteTradeResult(w, res, req.symbol, req.action);
   if(!accepted && mqlError != 0)
      w.Int("mql_error", mqlError);
   w.Bool("sent", true);
   // The object is left open so the cached copy can be closed with duplicate=true later.
   string body = w.Text();
   if(IsDefinitive(res.retcode))
      McpCacheRemember(key, body);
   McpReplyOk(id, body + ",\"duplicate\":false}");
  }

void OpTradeSend(const string id, CJsonDoc &doc, const int data)
  {
   MqlTradeRequest req;
   string code = "", error = "";
   if(!ReadTradeRequest(doc, doc.Child(data, "request"), req, code, error))
     {
      McpReplyError(id, code, error, 0);
      return;
     }
   ExecuteTrade(id, doc.GetString(data, "client_order_id"), req);
  }

//--- trade.close_position {position, volume?, deviation?, type_filling?, magic?, comment?, client_order_id?}
void OpClosePosition(const string id, CJsonDoc &doc, const int data)
  {
   ulong ticket = GetULong(doc, data, "position");
   if(ticket == 0 || !PositionSelectByTicket(ticket))
     {
      McpReplyError(id, "INVALID_ARGUMENT", "position #" + StringFormat("%I64u", ticket) + " is not open", GetLastError());
      return;
     }
   MqlTradeRequest req;
   ZeroMemory(req);
   req.action = TRADE_ACTION_DEAL;
   req.position = ticket;
   req.symbol = PositionGetString(POSITION_SYMBOL);
   bool isBuy = (ENUM_POSITION_TYPE)PositionGetInteger(POSITION_TYPE) == POSITION_TYPE_BUY;
   req.type = isBuy ? ORDER_TYPE_SELL : ORDER_TYPE_BUY;
   req.price = SymbolInfoDouble(req.symbol, isBuy ? SYMBOL_BID : SYMBOL_ASK);
   req.volume = doc.Has(data, "volume") ? doc.GetDouble(data, "volume") : PositionGetDouble(POSITION_VOLUME);
   req.deviation = (ulong)doc.GetLong(data, "deviation", 10);
   req.magic = doc.Has(data, "magic") ? GetULong(doc, data, "magic") : (ulong)PositionGetInteger(POSITION_MAGIC);
   req.comment = doc.GetString(data, "comment");
   req.type_time = ORDER_TIME_GTC;
   ENUM_ORDER_TYPE_FILLING filling = ORDER_FILLING_RETURN;
   req.type_filling = doc.Has(data, "type_filling") && ParseEnumName(doc.GetString(data, "type_filling"), filling, 8)
                      ? filling : DefaultFilling(req.symbol, TRADE_ACTION_DEAL);
   ExecuteTrade(id, doc.GetString(data, "client_order_id"), req);
  }

//--- trade.modify_position {position, sl, tp, client_order_id?}: 0 removes a level.
void OpModifyPosition(const string id, CJsonDoc &doc, const int data)
  {
   ulong ticket = GetULong(doc, data, "position");
   if(ticket == 0 || !PositionSelectByTicket(ticket))
     {
      McpReplyError(id, "INVALID_ARGUMENT", "position #" + StringFormat("%I64u", ticket) + " is not open", GetLastError());
      return;
     }
   MqlTradeRequest req;
   ZeroMemory(req);
   req.action = TRADE_ACTION_SLTP;
   req.position = ticket;
   req.symbol = PositionGetString(POSITION_SYMBOL);
   req.sl = doc.GetDouble(data, "sl", PositionGetDouble(POSITION_SL));
   req.tp = doc.GetDouble(data, "tp", PositionGetDouble(POSITION_TP));
   req.magic = (ulong)PositionGetInteger(POSITION_MAGIC);
   ExecuteTrade(id, doc.GetString(data, "client_order_id"), req);
  }

//--- trade.cancel_order {order, client_order_id?}
void OpCancelOrder(const string id, CJsonDoc &doc, const int data)
  {
   ulong ticket = GetULong(doc, data, "order");
   if(ticket == 0 || !OrderSelect(ticket))
     {
      McpReplyError(id, "INVALID_ARGUMENT", "order #" + StringFormat("%I64u", ticket) + " is not working", GetLastError());
      return;
     }
   MqlTradeRequest req;
   ZeroMemory(req);
   req.action = TRADE_ACTION_REMOVE;
   req.order = ticket;
   req.symbol = OrderGetString(ORDER_SYMBOL);
   ExecuteTrade(id, doc.GetString(data, "client_order_id"), req);
  }

void OpOrderCheck(const string id, CJsonDoc &doc, const int data)
  {
   MqlTradeRequest req;
   string code = "", error = "";
   if(!ReadTradeRequest(doc, doc.Child(data, "request"), req, code, error))
     {
      McpReplyError(id, code, error, 0);
      return;
     }
   MqlTradeCheckResult check;
   ZeroMemory(check);
   ResetLastError();
   // OrderCheck returns false for a failing check too, with the reason in the retcode; only retcode 0 means the
   // check itself could not run.
   if(!OrderCheck(req, check) && check.retcode == 0)
     {
      McpReplyError(id, "INTERNAL", "OrderCheck failed", GetLastError());
      return;
     }
   int money = MoneyDigits();
   CJsonWriter w;
   w.BeginObject();
   w.Int("retcode", (long)check.retcode);
   w.Str("retcode_name", check.retcode == 0 ? "" : RetcodeName(check.retcode));
   w.Dbl("balance", check.balance, money);
   w.Dbl("equity", check.equity, money);
   w.Dbl("profit", check.profit, money);
   w.Dbl("margin", check.margin, money);
   w.Dbl("margin_free", check.margin_free, money);
   w.Dbl("margin_level", check.margin_level, 2);
   w.Str("comment", check.comment);
   w.EndObject();
   McpReplyOk(id, w.Text());
  }

bool ReadCalcArgs(const string id, CJsonDoc &doc, const int data, ENUM_ORDER_TYPE &type, string &symbol, double &volume)
  {
   symbol = doc.GetString(data, "symbol");
   volume = doc.GetDouble(data, "volume");
   if(!ParseEnumName(doc.GetString(data, "type"), type, 1))
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

//--- calc.margin {type, symbol, volume, price}: margin in the account currency.
void OpCalcMargin(const string id, CJsonDoc &doc, const int data)
  {
   ENUM_ORDER_TYPE type = ORDER_TYPE_BUY;
   string symbol = "";
   double volume = 0;
   if(!ReadCalcArgs(id, doc, data, type, symbol, volume))
      return;
   double margin = 0;
   if(!OrderCalcMargin(type, symbol, volume, doc.GetDouble(data, "price"), margin))
     {
      McpReplyError(id, "INTERNAL", "OrderCalcMargin failed", GetLastError());
      return;
     }
   CJsonWriter w;
   w.BeginObject();
   w.Dbl("margin", margin, MoneyDigits());
   w.Str("currency", AccountInfoString(ACCOUNT_CURRENCY));
   w.EndObject();
   McpReplyOk(id, w.Text());
  }

//--- calc.profit {type, symbol, volume, price_open, price_close}: profit in the account currency.
void OpCalcProfit(const string id, CJsonDoc &doc, const int data)
  {
   ENUM_ORDER_TYPE type = ORDER_TYPE_BUY;
   string symbol = "";
   double volume = 0;
   if(!ReadCalcArgs(id, doc, data, type, symbol, volume))
      return;
   double profit = 0;
   if(!OrderCalcProfit(type, symbol, volume, doc.GetDouble(data, "price_open"), doc.GetDouble(data, "price_close"), profit))
     {
      McpReplyError(id, "INTERNAL", "OrderCalcProfit failed", GetLastError());
      return;
     }
   CJsonWriter w;
   w.BeginObject();
   w.Dbl("profit", profit, MoneyDigits());
   w.Str("currency", AccountInfoString(ACCOUNT_CURRENCY));
   w.EndObject();
   McpReplyOk(id, w.Text());
  }

//+------------------------------------------------------------------+
//| Event sources, polled from the timer                              |
//+------------------------------------------------------------------+
void PollTick(const int i)
  {
   MqlTick tick;
   if(!SymbolInfoTick(g_tickSymbols[i], tick) || tick.time_msc == g_tickLastMsc[i])
      return;
   if(g_tickDirty[i])
      g_dropped++;   // the previous tick was never sent: latest wins
   g_tickLastMsc[i] = tick.time_msc;
   g_tickLatest[i] = tick;
   g_tickDirty[i] = true;
  }

void PollEvents(void)
  {
   bool connected = false, tradeAllowed = false, mqlAllowed = false;
   ReadTerminalState(connected, tradeAllowed, mqlAllowed);
   if(connected != g_terminalConnected || tradeAllowed != g_terminalTradeAllowed || mqlAllowed != g_mqlTradeAllowed)
     {
      g_terminalConnected = connected;
      g_terminalTradeAllowed = tradeAllowed;
      g_mqlTradeAllowed = mqlAllowed;
      CJsonWriter w;
      w.BeginObject();
      w.Bool("connected", connected);
      w.Bool("trade_allowed", tradeAllowed);
      w.Bool("mql_trade_allowed", mqlAllowed);
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
         if(CopyRates(g_barSymbols[i], g_barTfs[i], 1, 1, rates) != 1 || rates[0].time <= g_barLast[i])
            continue;
         g_barLast[i] = rates[0].time;
         int digits = SymbolDigits(g_barSymbols[i]);
         CJsonWriter w;
         w.BeginObject();
         w.Str("symbol", g_barSymbols[i]);
         w.Str("tf", EnumToString(g_barTfs[i]));
         w.Int("time", (long)rates[0].time);
         w.Dbl("open", rates[0].open, digits);
         w.Dbl("high", rates[0].high, digits);
         w.Dbl("low", rates[0].low, digits);
         w.Dbl("close", rates[0].close, digits);
         w.Int("tick_volume", rates[0].tick_volume);
         w.Int("spread", rates[0].spread);
         w.Int("real_volume", rates[0].real_volume);
         w.EndObject();
         McpQueueEvent("bar", w.Text());
        }
     }

   if(now - g_lastAccountPollMs >= ACCOUNT_POLL_MS)
     {
      g_lastAccountPollMs = now;
      double values[4];
      values[0] = AccountInfoDouble(ACCOUNT_BALANCE);
      values[1] = AccountInfoDouble(ACCOUNT_EQUITY);
      values[2] = AccountInfoDouble(ACCOUNT_MARGIN);
      values[3] = AccountInfoDouble(ACCOUNT_MARGIN_FREE);
      for(int k = 0; k < 4; k++)
         if(values[k] != g_accountLast[k])
           {
            g_accountDirty = true;
            g_accountLast[k] = values[k];
           }
     }
  }

//--- Called by the link when the reliable queue is empty: the latest tick, book and account state go out.
bool EaEmitCoalesced(void)
  {
   bool any = false;
   for(int i = 0; i < ArraySize(g_tickSymbols); i++)
     {
      if(!g_tickDirty[i])
         continue;
      g_tickDirty[i] = false;
      CJsonWriter w;
      w.BeginObject();
      WriteTick(w, g_tickSymbols[i], g_tickLatest[i]);
      w.EndObject();
      McpQueueEvent("tick", w.Text());
      any = true;
     }
   for(int i = 0; i < ArraySize(g_bookSymbols); i++)
     {
      if(!g_bookDirty[i])
         continue;
      g_bookDirty[i] = false;
      MqlBookInfo book[];
      if(!MarketBookGet(g_bookSymbols[i], book))
         continue;
      CJsonWriter w;
      w.BeginObject();
      WriteBook(w, g_bookSymbols[i], book, InpBookDepth);
      w.EndObject();
      McpQueueEvent("book", w.Text());
      any = true;
     }
   if(g_accountDirty)
     {
      g_accountDirty = false;
      int money = MoneyDigits();
      CJsonWriter w;
      w.BeginObject();
      w.Dbl("balance", AccountInfoDouble(ACCOUNT_BALANCE), money);
      w.Dbl("credit", AccountInfoDouble(ACCOUNT_CREDIT), money);
      w.Dbl("equity", AccountInfoDouble(ACCOUNT_EQUITY), money);
      w.Dbl("profit", AccountInfoDouble(ACCOUNT_PROFIT), money);
      w.Dbl("margin", AccountInfoDouble(ACCOUNT_MARGIN), money);
      w.Dbl("margin_free", AccountInfoDouble(ACCOUNT_MARGIN_FREE), money);
      w.Dbl("margin_level", AccountInfoDouble(ACCOUNT_MARGIN_LEVEL), 2);
      w.EndObject();
      McpQueueEvent("account", w.Text());
      any = true;
     }
   return any;
  }
//+------------------------------------------------------------------+
