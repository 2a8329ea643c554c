//+------------------------------------------------------------------+
//| Link.mqh: the protocol link shared by the MQL5 and MQL4 EAs.      |
//| NDJSON framing with a line cap, hello/welcome handshake, a        |
//| bounded reliable outbound queue, heartbeats, idle timeout,        |
//| reconnect with exponential backoff and jitter, and the trade      |
//| de-duplication cache. Protocol: bridge-protocol.md (version 1).   |
//|                                                                  |
//| The including EA provides the transport and the protocol content:|
//|   bool TransportOpen(const string host, const int port,           |
//|                      const bool tls, string &error)               |
//|   int  TransportSend(const uchar &data[], const int len)  >=0|-1  |
//|   int  TransportRead(uchar &data[], const int maxLen)     >=0|-1  |
//|   void TransportClose(void)                                       |
//|   void EaBuildHello(CJsonWriter &w)       hello.data members      |
//|   void EaOnWelcome(CJsonDoc &doc, const int data)                 |
//|   void EaHandleRequest(const string id, const string op,          |
//|                        CJsonDoc &doc, const int data)             |
//|   void EaBuildPong(CJsonWriter &w)        pong.data members       |
//|   bool EaEmitCoalesced(void)   queue latest ticks/books/account   |
//|   void EaOnLinkDown(void)                                         |
//+------------------------------------------------------------------+
#ifndef MCP_BRIDGE_LINK_MQH
#define MCP_BRIDGE_LINK_MQH

#include "Json.mqh"

#define MCP_PROTO            1
#define MCP_LINK_DOWN        0
#define MCP_LINK_HELLO       1
#define MCP_LINK_READY       2
#define MCP_QUEUE_CAPACITY   10000   // reliable outbound lines (responses, trade_tx, bars, terminal)
#define MCP_QUEUE_HIGH_WATER 9000    // above this new requests are answered BUSY
#define MCP_CACHE_CAPACITY   1024    // remembered trade results for de-duplication
#define MCP_LINES_PER_PASS   32      // lines dispatched per timer pass, so one pass never runs long
#define MCP_SEND_BATCH       65536   // bytes gathered before one socket write
#define MCP_BACKOFF_MIN_MS   500
#define MCP_BACKOFF_MAX_MS   30000
#define MCP_WELCOME_WAIT_MS  10000

//--- link state
int      g_linkState = MCP_LINK_DOWN;
string   g_linkHost = "127.0.0.1";
int      g_linkPort = 5757;
bool     g_linkTls = false;
int      g_maxLine = 1048576;
int      g_localMaxLine = 1048576;
int      g_heartbeatMs = 5000;
int      g_idleTimeoutMs = 15000;
bool     g_tradingEnabled = false;
string   g_connId = "";
long     g_nextId = 0;
long     g_seq = 0;
long     g_dropped = 0;
ulong    g_lastRecvMs = 0;
ulong    g_lastSendMs = 0;
ulong    g_helloSentMs = 0;
ulong    g_nextAttemptMs = 0;
int      g_backoffMs = MCP_BACKOFF_MIN_MS;
bool     g_authWarned = false;

//--- inbound bytes (framing works on bytes so a UTF-8 sequence split across reads is decoded whole)
uchar    g_in[];
int      g_inLen = 0;

//--- outbound bytes already serialised, waiting for the socket
uchar    g_out[];
int      g_outLen = 0;

//--- reliable queue (ring): op is "" for a complete line, else an event whose seq is assigned at transmit time
string   g_queueOp[];
string   g_queueBody[];
int      g_queueHead = 0;
int      g_queueCount = 0;

CJsonDoc g_doc;

//+------------------------------------------------------------------+
//| Clocks: a monotonic one for timers, UTC for the envelope ts.      |
//+------------------------------------------------------------------+
int   McpMinInt(const int a, const int b) { return a < b ? a : b; }
ulong McpNowMs(void) { return GetMicrosecondCount() / 1000; }
long  McpUtcMs(void) { return (long)TimeGMT() * 1000; }

//+------------------------------------------------------------------+
//| Trade de-duplication: tag (or client order id) -> result JSON.    |
//+------------------------------------------------------------------+
string   g_cacheKey[MCP_CACHE_CAPACITY];
string   g_cacheResult[MCP_CACHE_CAPACITY];
int      g_cacheNext = 0;

bool McpCacheFind(const string key, string &result)
  {
   if(key == "")
      return false;
   for(int i = 0; i < MCP_CACHE_CAPACITY; i++)
      if(g_cacheKey[i] == key)
        {
         result = g_cacheResult[i];
         return true;
        }
   return false;
  }

void McpCacheRemember(const string key, const string result)
  {
   if(key == "")
      return;
   for(int i = 0; i < MCP_CACHE_CAPACITY; i++)
      if(g_cacheKey[i] == key)
        {
         g_cacheResult[i] = result;
         return;
        }
   g_cacheKey[g_cacheNext] = key;
   g_cacheResult[g_cacheNext] = result;
   g_cacheNext = (g_cacheNext + 1) % MCP_CACHE_CAPACITY;
  }

//+------------------------------------------------------------------+
//| Configuration from the EA inputs.                                 |
//+------------------------------------------------------------------+
void McpConfigure(const string host, const int port, const bool tls, const int maxLine)
  {
   g_linkHost = host;
   g_linkPort = port;
   g_linkTls = tls;
   g_localMaxLine = maxLine;
   g_maxLine = maxLine;
   ArrayResize(g_queueOp, MCP_QUEUE_CAPACITY);
   ArrayResize(g_queueBody, MCP_QUEUE_CAPACITY);
  }

bool McpIsReady(void) { return g_linkState == MCP_LINK_READY; }
bool McpQueueBusy(void) { return g_queueCount >= MCP_QUEUE_HIGH_WATER; }
int  McpQueueLength(void) { return g_queueCount; }

string McpNextId(void)
  {
   g_nextId++;
   return "e-" + IntegerToString(g_nextId);
  }

//+------------------------------------------------------------------+
//| Reliable queue.                                                   |
//+------------------------------------------------------------------+
bool McpEnqueue(const string op, const string body)
  {
   if(g_queueCount >= MCP_QUEUE_CAPACITY)
     {
      g_dropped++;
      // Reliable traffic must not be lost silently: drop the link so the server resynchronises after reconnect.
      if(g_linkState != MCP_LINK_DOWN)
         McpLinkDown("outbound queue overflow", true);
      return false;
     }
   int slot = (g_queueHead + g_queueCount) % MCP_QUEUE_CAPACITY;
   g_queueOp[slot] = op;
   g_queueBody[slot] = body;
   g_queueCount++;
   return true;
  }

//--- A complete message line (response, pong, error): only while a link is up.
void McpQueueLine(const string line)
  {
   if(g_linkState == MCP_LINK_READY)
      McpEnqueue("", line);
  }

//--- An event: seq and ts are added when it is written to the socket.
//--- trade_tx events are queued even while the link is down (they survive a reconnect).
void McpQueueEvent(const string op, const string data)
  {
   if(g_linkState == MCP_LINK_READY || op == "trade_tx")
      McpEnqueue(op, data);
  }

void McpReplyOk(const string re, const string data)
  {
   // UTF-8 takes at least one byte per character: an answer longer than the cap in characters can never be sent.
   if(StringLen(data) > g_maxLine - 256)
     {
      McpReplyError(re, "INTERNAL", "the answer has " + IntegerToString(StringLen(data)) + " characters, more than max_line allows; ask for a smaller page", 0);
      return;
     }
   McpQueueLine("{\"v\":1,\"type\":\"res\",\"re\":\"" + JsonEscape(re) + "\",\"ok\":true,\"ts\":" + IntegerToString(McpUtcMs()) + ",\"data\":" + data + "}");
  }

void McpReplyError(const string re, const string code, const string message, const int mqlError)
  {
   CJsonWriter w;
   w.BeginObject();
   w.Str("code", code);
   w.Str("message", message);
   if(mqlError != 0)
      w.Int("mql_error", mqlError);
   w.EndObject();
   McpQueueLine("{\"v\":1,\"type\":\"res\",\"re\":\"" + JsonEscape(re) + "\",\"ok\":false,\"ts\":" + IntegerToString(McpUtcMs()) + ",\"error\":" + w.Text() + "}");
  }

//+------------------------------------------------------------------+
//| Serialises one line into the outbound byte buffer.                |
//+------------------------------------------------------------------+
bool McpAppendBytes(const string line)
  {
   uchar bytes[];
   int n = StringToCharArray(line, bytes, 0, WHOLE_ARRAY, CP_UTF8) - 1;   // drop the terminating zero
   if(n < 0)
      n = 0;
   if(n > g_maxLine)
      return false;
   ArrayResize(g_out, g_outLen + n + 1, MCP_SEND_BATCH);
   if(n > 0)
      ArrayCopy(g_out, bytes, g_outLen, 0, n);
   g_out[g_outLen + n] = (uchar)'\n';
   g_outLen += n + 1;
   return true;
  }

//--- Writes an error line directly (used before and after the handshake for link-level errors).
void McpSendErrorNow(const string re, const string code, const string message)
  {
   string reText = re == "" ? "null" : "\"" + JsonEscape(re) + "\"";
   McpAppendBytes("{\"v\":1,\"type\":\"error\",\"re\":" + reText + ",\"ts\":" + IntegerToString(McpUtcMs())
                  + ",\"error\":{\"code\":\"" + code + "\",\"message\":\"" + JsonEscape(message) + "\"}}");
  }

//--- Moves queued lines into the byte buffer, then writes as much as the socket takes.
void McpPump(void)
  {
   for(int guard = 0; guard < 1000 && g_linkState != MCP_LINK_DOWN; guard++)
     {
      if(g_linkState == MCP_LINK_READY)
        {
         if(g_queueCount == 0)
            EaEmitCoalesced();
         while(g_queueCount > 0 && g_outLen < MCP_SEND_BATCH)
           {
            string op = g_queueOp[g_queueHead];
            string body = g_queueBody[g_queueHead];
            g_queueOp[g_queueHead] = "";
            g_queueBody[g_queueHead] = "";
            g_queueHead = (g_queueHead + 1) % MCP_QUEUE_CAPACITY;
            g_queueCount--;
            if(op == "")
              {
               if(!McpAppendBytes(body))
                  Print("McpBridge: a response over max_line was not sent (", StringLen(body), " characters)");
               continue;
              }
            g_seq++;
            string line = "{\"v\":1,\"type\":\"evt\",\"op\":\"" + op + "\",\"seq\":" + IntegerToString(g_seq)
                          + ",\"ts\":" + IntegerToString(McpUtcMs()) + ",\"data\":" + body + "}";
            if(!McpAppendBytes(line))
              {
               g_seq--;
               g_dropped++;
              }
           }
        }
      if(g_outLen == 0)
         return;
      int sent = TransportSend(g_out, g_outLen);
      if(sent < 0)
        {
         McpLinkDown("send failed", true);
         return;
        }
      if(sent > 0)
         g_lastSendMs = McpNowMs();
      if(sent < g_outLen)
        {
         // Short write: keep the rest for the next pass (never block the EA thread).
         uchar rest[];
         int remain = g_outLen - sent;
         ArrayResize(rest, remain);
         ArrayCopy(rest, g_out, 0, sent, remain);
         ArrayCopy(g_out, rest, 0, 0, remain);
         g_outLen = remain;
         return;
        }
      g_outLen = 0;
      if(g_queueCount == 0 && g_linkState == MCP_LINK_READY && !EaEmitCoalesced())
         return;
      if(g_linkState != MCP_LINK_READY)
         return;
     }
  }

//+------------------------------------------------------------------+
//| Link down: close, keep trade_tx events, schedule the reconnect.   |
//+------------------------------------------------------------------+
void McpScheduleReconnect(const int delayMs)
  {
   // Jitter of +-20 % so many terminals do not reconnect in lockstep after a server restart.
   double jitter = 0.8 + 0.4 * MathRand() / 32767.0;
   g_nextAttemptMs = McpNowMs() + (ulong)(delayMs * jitter);
  }

void McpLinkDown(const string reason, const bool backoff)
  {
   if(g_linkState == MCP_LINK_DOWN)
      return;
   g_linkState = MCP_LINK_DOWN;
   TransportClose();
   Print("McpBridge: link down (", reason, ")");
   g_inLen = 0;
   g_outLen = 0;
   ArrayResize(g_in, 0);
   ArrayResize(g_out, 0);

   // Answers belong to the old connection; trade transactions are kept for the next one.
   int kept = 0;
   string keptOp[];
   string keptBody[];
   ArrayResize(keptOp, g_queueCount);
   ArrayResize(keptBody, g_queueCount);
   for(int i = 0; i < g_queueCount; i++)
     {
      int slot = (g_queueHead + i) % MCP_QUEUE_CAPACITY;
      if(g_queueOp[slot] == "trade_tx")
        {
         keptOp[kept] = g_queueOp[slot];
         keptBody[kept] = g_queueBody[slot];
         kept++;
        }
      g_queueOp[slot] = "";
      g_queueBody[slot] = "";
     }
   g_queueHead = 0;
   g_queueCount = 0;
   for(int i = 0; i < kept; i++)
     {
      g_queueOp[i] = keptOp[i];
      g_queueBody[i] = keptBody[i];
     }
   g_queueCount = kept;

   EaOnLinkDown();
   McpScheduleReconnect(backoff ? g_backoffMs : MCP_BACKOFF_MIN_MS);
   g_backoffMs = McpMinInt(g_backoffMs * 2, MCP_BACKOFF_MAX_MS);
  }

//--- Fatal protocol problem found by the EA: tell the server, then close.
void McpFatal(const string re, const string code, const string message)
  {
   McpSendErrorNow(re, code, message);
   McpAppendBytes("{\"v\":1,\"type\":\"bye\",\"ts\":" + IntegerToString(McpUtcMs()) + "}");
   if(g_outLen > 0)
      TransportSend(g_out, g_outLen);
   McpLinkDown(code + ": " + message, true);
  }

//--- Orderly close (EA removed, terminal closing).
void McpClose(const string reason)
  {
   if(g_linkState == MCP_LINK_DOWN)
      return;
   McpPump();
   g_outLen = 0;
   McpAppendBytes("{\"v\":1,\"type\":\"bye\",\"ts\":" + IntegerToString(McpUtcMs()) + "}");
   TransportSend(g_out, g_outLen);
   McpLinkDown(reason, false);
  }

//+------------------------------------------------------------------+
//| Connect and say hello.                                            |
//+------------------------------------------------------------------+
void McpConnect(void)
  {
   string error = "";
   if(!TransportOpen(g_linkHost, g_linkPort, g_linkTls, error))
     {
      Print("McpBridge: cannot connect to ", g_linkHost, ":", g_linkPort, " (", error, "); retry in ", g_backoffMs, " ms");
      McpScheduleReconnect(g_backoffMs);
      g_backoffMs = McpMinInt(g_backoffMs * 2, MCP_BACKOFF_MAX_MS);
      return;
     }
   g_linkState = MCP_LINK_HELLO;
   g_inLen = 0;
   g_outLen = 0;
   g_seq = 0;
   g_nextId = 0;
   g_maxLine = g_localMaxLine;
   ulong now = McpNowMs();
   g_lastRecvMs = now;
   g_lastSendMs = now;
   g_helloSentMs = now;

   CJsonWriter w;
   w.BeginObject();
   EaBuildHello(w);
   w.BeginObject("limits");
   w.Int("max_line", g_localMaxLine);
   w.EndObject();
   w.EndObject();
   // hello goes straight to the socket, ahead of trade_tx events kept from an earlier link.
   McpAppendBytes("{\"v\":1,\"type\":\"hello\",\"id\":\"" + McpNextId() + "\",\"ts\":" + IntegerToString(McpUtcMs()) + ",\"data\":" + w.Text() + "}");
   McpPump();
  }

//+------------------------------------------------------------------+
//| Inbound: read what is there, cut complete lines, dispatch.        |
//+------------------------------------------------------------------+
bool McpReceive(void)
  {
   uchar chunk[];
   for(int round = 0; round < 16; round++)
     {
      int n = TransportRead(chunk, MCP_SEND_BATCH);
      if(n < 0)
         return false;
      if(n == 0)
         break;
      ArrayResize(g_in, g_inLen + n, MCP_SEND_BATCH);
      ArrayCopy(g_in, chunk, g_inLen, 0, n);
      g_inLen += n;
      g_lastRecvMs = McpNowMs();
     }
   return true;
  }

void McpProcessLines(void)
  {
   int start = 0;
   int lines = 0;
   int i = 0;
   while(i < g_inLen && lines < MCP_LINES_PER_PASS && g_linkState != MCP_LINK_DOWN)
     {
      if(g_in[i] != '\n')
        {
         i++;
         continue;
        }
      int len = i - start;
      if(len > 0 && g_in[i - 1] == '\r')
         len--;
      if(len > g_maxLine)
        {
         McpFatal("", "LINE_TOO_LONG", "line of " + IntegerToString(len) + " bytes exceeds max_line " + IntegerToString(g_maxLine));
         return;
        }
      if(len > 0)
         McpDispatch(CharArrayToString(g_in, start, len, CP_UTF8));
      lines++;
      i++;
      start = i;
     }
   if(g_linkState == MCP_LINK_DOWN)
      return;
   if(start > 0)
     {
      int remain = g_inLen - start;
      uchar rest[];
      ArrayResize(rest, remain);
      if(remain > 0)
         ArrayCopy(rest, g_in, 0, start, remain);
      ArrayResize(g_in, remain, MCP_SEND_BATCH);
      if(remain > 0)
         ArrayCopy(g_in, rest, 0, 0, remain);
      g_inLen = remain;
     }
   if(lines == 0 && g_inLen > g_maxLine)
      McpFatal("", "LINE_TOO_LONG", "unterminated line exceeds max_line " + IntegerToString(g_maxLine));
  }

void McpOnWelcome(const int root)
  {
   int data = g_doc.Child(root, "data");
   g_connId = g_doc.GetString(data, "conn_id");
   g_heartbeatMs = (int)g_doc.GetLong(data, "heartbeat_ms", 5000);
   g_idleTimeoutMs = (int)g_doc.GetLong(data, "idle_timeout_ms", 15000);
   int serverMax = (int)g_doc.GetLong(data, "max_line", g_localMaxLine);
   g_maxLine = McpMinInt(g_localMaxLine, serverMax > 0 ? serverMax : g_localMaxLine);
   g_tradingEnabled = g_doc.GetBool(data, "trading_enabled", false);
   g_linkState = MCP_LINK_READY;
   g_backoffMs = MCP_BACKOFF_MIN_MS;
   g_authWarned = false;
   Print("McpBridge: connected as ", g_connId, ", trading ", g_tradingEnabled ? "enabled" : "disabled", " by the server");
   EaOnWelcome(g_doc, data);
  }

void McpOnError(const int root)
  {
   int error = g_doc.Child(root, "error");
   string code = g_doc.GetString(error, "code", "INTERNAL");
   string message = g_doc.GetString(error, "message");
   if(code == "UNAUTHORIZED")
     {
      // A wrong token will not fix itself: wait the longest backoff and say so once.
      if(!g_authWarned)
         Print("McpBridge: the server rejected the token (UNAUTHORIZED); check the Token input against bridge.token");
      g_authWarned = true;
      g_backoffMs = MCP_BACKOFF_MAX_MS;
      McpLinkDown("UNAUTHORIZED", true);
      return;
     }
   Print("McpBridge: server error ", code, ": ", message);
   if(code == "UNSUPPORTED_VERSION" || code == "PROTOCOL_ERROR" || code == "LINE_TOO_LONG")
     {
      g_backoffMs = MCP_BACKOFF_MAX_MS;
      McpLinkDown(code, true);
     }
  }

void McpDispatch(const string line)
  {
   if(!g_doc.Parse(line))
     {
      McpFatal("", "PROTOCOL_ERROR", "invalid JSON: " + g_doc.Error());
      return;
     }
   int root = g_doc.Root();
   if(g_doc.Kind(root) != JSON_OBJECT)
     {
      McpFatal("", "PROTOCOL_ERROR", "a line must be a JSON object");
      return;
     }
   string type = g_doc.GetString(root, "type");
   string id = g_doc.GetString(root, "id");

   if(type == "error")
     {
      McpOnError(root);
      return;
     }
   if(type == "bye")
     {
      McpLinkDown("the server said bye", true);
      return;
     }
   if(g_linkState == MCP_LINK_HELLO)
     {
      if(type == "welcome")
         McpOnWelcome(root);
      else
         McpFatal(id, "PROTOCOL_ERROR", "expected welcome, got '" + type + "'");
      return;
     }

   if(type == "req")
     {
      string op = g_doc.GetString(root, "op");
      if(id == "" || op == "")
        {
         McpFatal(id, "PROTOCOL_ERROR", "a request needs 'id' and 'op'");
         return;
        }
      if(McpQueueBusy())
        {
         McpReplyError(id, "BUSY", "the EA's outbound queue is full; retry later", 0);
         return;
        }
      EaHandleRequest(id, op, g_doc, g_doc.Child(root, "data"));
      return;
     }
   if(type == "ping")
     {
      CJsonWriter w;
      w.BeginObject();
      EaBuildPong(w);
      w.EndObject();
      McpQueueLine("{\"v\":1,\"type\":\"pong\",\"re\":\"" + JsonEscape(id) + "\",\"ts\":" + IntegerToString(McpUtcMs()) + ",\"data\":" + w.Text() + "}");
      return;
     }
   if(type == "pong")
      return;
   McpFatal(id, "PROTOCOL_ERROR", "message type '" + type + "' is not allowed after welcome");
  }

//+------------------------------------------------------------------+
//| One timer pass: connect, read, dispatch, write, heartbeat.        |
//| Nothing here blocks longer than one socket call.                  |
//+------------------------------------------------------------------+
void McpService(void)
  {
   ulong now = McpNowMs();
   if(g_linkState == MCP_LINK_DOWN)
     {
      if(now >= g_nextAttemptMs)
         McpConnect();
      return;
     }
   if(!McpReceive())
     {
      McpLinkDown("connection lost", true);
      return;
     }
   McpProcessLines();
   if(g_linkState == MCP_LINK_DOWN)
      return;
   now = McpNowMs();
   if(g_linkState == MCP_LINK_HELLO && now - g_helloSentMs > MCP_WELCOME_WAIT_MS)
     {
      McpLinkDown("no welcome within " + IntegerToString(MCP_WELCOME_WAIT_MS) + " ms", true);
      return;
     }
   if(g_linkState == MCP_LINK_READY)
     {
      if(now - g_lastRecvMs >= (ulong)g_idleTimeoutMs)
        {
         McpLinkDown("idle timeout: nothing received for " + IntegerToString(g_idleTimeoutMs) + " ms", true);
         return;
        }
      if(now - g_lastSendMs >= (ulong)g_heartbeatMs && g_queueCount == 0 && g_outLen == 0)
         McpQueueLine("{\"v\":1,\"type\":\"ping\",\"id\":\"" + McpNextId() + "\",\"ts\":" + IntegerToString(McpUtcMs()) + "}");
     }
   McpPump();
  }

#endif
//+------------------------------------------------------------------+
