//+------------------------------------------------------------------+
//| Json.mqh: a small JSON reader and writer for the MCP bridge EAs.  |
//| MQL has no built-in JSON. The reader parses one protocol line     |
//| into a flat node table (no pointers, nothing to free); the writer |
//| appends to a string with comma bookkeeping. Shared by MQL5 and    |
//| MQL4 (#property strict): it uses only functions both document.    |
//+------------------------------------------------------------------+
#ifndef MCP_BRIDGE_JSON_MQH
#define MCP_BRIDGE_JSON_MQH

#define JSON_NULL   0
#define JSON_BOOL   1
#define JSON_NUMBER 2
#define JSON_STRING 3
#define JSON_ARRAY  4
#define JSON_OBJECT 5

// Nesting deeper than this is refused: protocol messages are 4-5 levels deep.
#define JSON_MAX_DEPTH 32

//+------------------------------------------------------------------+
//| Escapes a string for a JSON string literal (without the quotes). |
//+------------------------------------------------------------------+
string JsonEscape(const string text)
  {
   int n = StringLen(text);
   bool plain = true;
   for(int i = 0; i < n; i++)
     {
      ushort c = StringGetCharacter(text, i);
      if(c < 0x20 || c == '"' || c == '\\')
        {
         plain = false;
         break;
        }
     }
   if(plain)
      return text;

   string out = "";
   for(int i = 0; i < n; i++)
     {
      ushort c = StringGetCharacter(text, i);
      if(c == '"')
         out += "\\\"";
      else
         if(c == '\\')
            out += "\\\\";
         else
            if(c == '\n')
               out += "\\n";
            else
               if(c == '\r')
                  out += "\\r";
               else
                  if(c == '\t')
                     out += "\\t";
                  else
                     if(c < 0x20)
                        out += StringFormat("\\u%04x", (int)c);
                     else
                        out += ShortToString(c);
     }
   return out;
  }

//+------------------------------------------------------------------+
//| Formats a double with a fixed number of decimals; NaN/inf -> null |
//+------------------------------------------------------------------+
string JsonNumber(const double value, const int digits)
  {
   if(!MathIsValidNumber(value))
      return "null";
   int d = digits < 0 ? 0 : (digits > 15 ? 15 : digits);
   return DoubleToString(value, d);
  }

//+------------------------------------------------------------------+
//| Streaming writer. Keys are ignored inside arrays (pass "").       |
//+------------------------------------------------------------------+
class CJsonWriter
  {
private:
   string            m_text;
   bool              m_first[JSON_MAX_DEPTH + 1];
   int               m_depth;

   void              Key(const string key)
     {
      if(m_depth > 0)
        {
         if(!m_first[m_depth])
            m_text += ",";
         m_first[m_depth] = false;
        }
      if(key != "")
         m_text += "\"" + JsonEscape(key) + "\":";
     }

public:
                     CJsonWriter(void) { Clear(); }
   void              Clear(void) { m_text = ""; m_depth = 0; m_first[0] = true; }
   string            Text(void) const { return m_text; }

   void              BeginObject(const string key = "")
     {
      Key(key);
      m_text += "{";
      if(m_depth < JSON_MAX_DEPTH)
         m_depth++;
      m_first[m_depth] = true;
     }
   void              EndObject(void) { m_text += "}"; if(m_depth > 0) m_depth--; }
   void              BeginArray(const string key = "")
     {
      Key(key);
      m_text += "[";
      if(m_depth < JSON_MAX_DEPTH)
         m_depth++;
      m_first[m_depth] = true;
     }
   void              EndArray(void) { m_text += "]"; if(m_depth > 0) m_depth--; }

   void              Str(const string key, const string value) { Key(key); m_text += "\"" + JsonEscape(value) + "\""; }
   void              Int(const string key, const long value) { Key(key); m_text += IntegerToString(value); }
   void              UInt(const string key, const ulong value) { Key(key); m_text += StringFormat("%I64u", value); }
   void              Dbl(const string key, const double value, const int digits) { Key(key); m_text += JsonNumber(value, digits); }
   void              Bool(const string key, const bool value) { Key(key); m_text += (value ? "true" : "false"); }
   void              Null(const string key) { Key(key); m_text += "null"; }
   // Inserts an already serialised JSON value (an object built by another writer).
   void              Raw(const string key, const string json) { Key(key); m_text += json; }
  };

//+------------------------------------------------------------------+
//| Parsed document: node 0 is the root; children are linked lists.   |
//+------------------------------------------------------------------+
class CJsonDoc
  {
private:
   string            m_src;
   ushort            m_c[];
   int               m_len;
   int               m_pos;
   string            m_error;
   int               m_count;
   int               m_kind[];
   int               m_first[];
   int               m_last[];
   int               m_next[];
   int               m_size[];
   string            m_key[];
   string            m_value[];   // string value, number text, or "true"/"false"

   bool              Fail(const string what)
     {
      m_error = what + " at character " + IntegerToString(m_pos);
      return false;
     }

   int               NewNode(const int parent, const int kind, const string key)
     {
      int node = m_count;
      if(node >= ArraySize(m_kind))
        {
         int size = node + 64;
         ArrayResize(m_kind, size);
         ArrayResize(m_first, size);
         ArrayResize(m_last, size);
         ArrayResize(m_next, size);
         ArrayResize(m_size, size);
         ArrayResize(m_key, size);
         ArrayResize(m_value, size);
        }
      m_count++;
      m_kind[node] = kind;
      m_first[node] = -1;
      m_last[node] = -1;
      m_next[node] = -1;
      m_size[node] = 0;
      m_key[node] = key;
      m_value[node] = "";
      if(parent >= 0)
        {
         if(m_last[parent] < 0)
            m_first[parent] = node;
         else
            m_next[m_last[parent]] = node;
         m_last[parent] = node;
         m_size[parent]++;
        }
      return node;
     }

   void              SkipWs(void)
     {
      while(m_pos < m_len)
        {
         ushort c = m_c[m_pos];
         if(c != ' ' && c != '\t' && c != '\r' && c != '\n')
            break;
         m_pos++;
        }
     }

   bool              Literal(const string word)
     {
      int n = StringLen(word);
      if(m_pos + n > m_len || StringSubstr(m_src, m_pos, n) != word)
         return Fail("invalid literal");
      m_pos += n;
      return true;
     }

   int               HexDigit(const ushort c) const
     {
      if(c >= '0' && c <= '9')
         return c - '0';
      if(c >= 'a' && c <= 'f')
         return c - 'a' + 10;
      if(c >= 'A' && c <= 'F')
         return c - 'A' + 10;
      return -1;
     }

   bool              ParseString(string &out)
     {
      // m_pos is on the opening quote. Runs without escapes are copied with one StringSubstr.
      m_pos++;
      out = "";
      int run = m_pos;
      while(m_pos < m_len)
        {
         ushort c = m_c[m_pos];
         if(c == '"')
           {
            out += StringSubstr(m_src, run, m_pos - run);
            m_pos++;
            return true;
           }
         if(c < 0x20)
            return Fail("control character in string");
         if(c != '\\')
           {
            m_pos++;
            continue;
           }
         out += StringSubstr(m_src, run, m_pos - run);
         if(m_pos + 1 >= m_len)
            return Fail("unterminated escape");
         ushort e = m_c[m_pos + 1];
         m_pos += 2;
         if(e == '"')
            out += "\"";
         else
            if(e == '\\')
               out += "\\";
            else
               if(e == '/')
                  out += "/";
               else
                  if(e == 'b')
                     out += ShortToString(8);
                  else
                     if(e == 'f')
                        out += ShortToString(12);
                     else
                        if(e == 'n')
                           out += "\n";
                        else
                           if(e == 'r')
                              out += "\r";
                           else
                              if(e == 't')
                                 out += "\t";
                              else
                                 if(e == 'u')
                                   {
                                    if(m_pos + 4 > m_len)
                                       return Fail("short \\u escape");
                                    int code = 0;
                                    for(int k = 0; k < 4; k++)
                                      {
                                       int h = HexDigit(m_c[m_pos + k]);
                                       if(h < 0)
                                          return Fail("bad \\u escape");
                                       code = code * 16 + h;
                                      }
                                    // Surrogate halves are appended one by one: together they form the UTF-16 pair.
                                    out += ShortToString((ushort)code);
                                    m_pos += 4;
                                   }
                                 else
                                    return Fail("unknown escape");
         run = m_pos;
        }
      return Fail("unterminated string");
     }

   bool              ParseNumber(const int parent, const string key)
     {
      int start = m_pos;
      if(m_pos < m_len && m_c[m_pos] == '-')
         m_pos++;
      if(m_pos >= m_len || m_c[m_pos] < '0' || m_c[m_pos] > '9')
         return Fail("invalid number");
      while(m_pos < m_len)
        {
         ushort c = m_c[m_pos];
         if((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')
            m_pos++;
         else
            break;
        }
      int node = NewNode(parent, JSON_NUMBER, key);
      m_value[node] = StringSubstr(m_src, start, m_pos - start);
      return true;
     }

   bool              ParseValue(const int parent, const string key, const int depth)
     {
      if(depth > JSON_MAX_DEPTH)
         return Fail("nesting too deep");
      SkipWs();
      if(m_pos >= m_len)
         return Fail("unexpected end");
      ushort c = m_c[m_pos];
      if(c == '{')
        {
         int node = NewNode(parent, JSON_OBJECT, key);
         m_pos++;
         SkipWs();
         if(m_pos < m_len && m_c[m_pos] == '}')
           {
            m_pos++;
            return true;
           }
         while(true)
           {
            SkipWs();
            if(m_pos >= m_len || m_c[m_pos] != '"')
               return Fail("expected a key");
            string name;
            if(!ParseString(name))
               return false;
            SkipWs();
            if(m_pos >= m_len || m_c[m_pos] != ':')
               return Fail("expected ':'");
            m_pos++;
            if(!ParseValue(node, name, depth + 1))
               return false;
            SkipWs();
            if(m_pos < m_len && m_c[m_pos] == ',')
              {
               m_pos++;
               continue;
              }
            if(m_pos < m_len && m_c[m_pos] == '}')
              {
               m_pos++;
               return true;
              }
            return Fail("expected ',' or '}'");
           }
        }
      if(c == '[')
        {
         int node = NewNode(parent, JSON_ARRAY, key);
         m_pos++;
         SkipWs();
         if(m_pos < m_len && m_c[m_pos] == ']')
           {
            m_pos++;
            return true;
           }
         while(true)
           {
            if(!ParseValue(node, "", depth + 1))
               return false;
            SkipWs();
            if(m_pos < m_len && m_c[m_pos] == ',')
              {
               m_pos++;
               continue;
              }
            if(m_pos < m_len && m_c[m_pos] == ']')
              {
               m_pos++;
               return true;
              }
            return Fail("expected ',' or ']'");
           }
        }
      if(c == '"')
        {
         string text;
         if(!ParseString(text))
            return false;
         int node = NewNode(parent, JSON_STRING, key);
         m_value[node] = text;
         return true;
        }
      if(c == 't' || c == 'f')
        {
         bool truth = (c == 't');
         if(!Literal(truth ? "true" : "false"))
            return false;
         int node = NewNode(parent, JSON_BOOL, key);
         m_value[node] = truth ? "true" : "false";
         return true;
        }
      if(c == 'n')
        {
         if(!Literal("null"))
            return false;
         NewNode(parent, JSON_NULL, key);
         return true;
        }
      return ParseNumber(parent, key);
     }

public:
                     CJsonDoc(void) { m_count = 0; m_len = 0; m_pos = 0; }

   //--- Parses one JSON text; on failure Error() says what and where.
   bool              Parse(const string text)
     {
      m_src = text;
      m_len = StringLen(text);
      m_pos = 0;
      m_count = 0;
      m_error = "";
      ArrayResize(m_c, m_len + 1);
      if(m_len > 0)
         StringToShortArray(text, m_c, 0, m_len);
      if(!ParseValue(-1, "", 0))
         return false;
      SkipWs();
      if(m_pos != m_len)
         return Fail("trailing characters");
      return true;
     }

   string            Error(void) const { return m_error; }
   int               Root(void) const { return m_count > 0 ? 0 : -1; }
   int               Kind(const int node) const { return node >= 0 && node < m_count ? m_kind[node] : JSON_NULL; }
   int               Size(const int node) const { return node >= 0 && node < m_count ? m_size[node] : 0; }
   string            KeyOf(const int node) const { return node >= 0 && node < m_count ? m_key[node] : ""; }

   //--- Member of an object by key, or -1.
   int               Child(const int node, const string key) const
     {
      if(node < 0 || node >= m_count || m_kind[node] != JSON_OBJECT)
         return -1;
      for(int child = m_first[node]; child >= 0; child = m_next[child])
         if(m_key[child] == key)
            return child;
      return -1;
     }

   //--- Element of an array (or member of an object) by position, or -1.
   int               At(const int node, const int index) const
     {
      if(node < 0 || node >= m_count || index < 0)
         return -1;
      int child = m_first[node];
      for(int i = 0; i < index && child >= 0; i++)
         child = m_next[child];
      return child;
     }

   //--- Whether an object has a non-null member.
   bool              Has(const int node, const string key) const
     {
      int child = Child(node, key);
      return child >= 0 && m_kind[child] != JSON_NULL;
     }

   string            AsString(const int node) const { return node >= 0 && node < m_count ? m_value[node] : ""; }
   double            AsDouble(const int node) const { return node >= 0 && node < m_count && m_kind[node] == JSON_NUMBER ? StringToDouble(m_value[node]) : 0.0; }
   long              AsLong(const int node) const { return node >= 0 && node < m_count && m_kind[node] == JSON_NUMBER ? StringToInteger(m_value[node]) : 0; }
   bool              AsBool(const int node) const { return node >= 0 && node < m_count && m_kind[node] == JSON_BOOL && m_value[node] == "true"; }

   string            GetString(const int node, const string key, const string fallback = "") const
     {
      int child = Child(node, key);
      return child >= 0 && m_kind[child] == JSON_STRING ? m_value[child] : fallback;
     }
   double            GetDouble(const int node, const string key, const double fallback = 0.0) const
     {
      int child = Child(node, key);
      return child >= 0 && m_kind[child] == JSON_NUMBER ? StringToDouble(m_value[child]) : fallback;
     }
   long              GetLong(const int node, const string key, const long fallback = 0) const
     {
      int child = Child(node, key);
      return child >= 0 && m_kind[child] == JSON_NUMBER ? StringToInteger(m_value[child]) : fallback;
     }
   bool              GetBool(const int node, const string key, const bool fallback = false) const
     {
      int child = Child(node, key);
      return child >= 0 && m_kind[child] == JSON_BOOL ? m_value[child] == "true" : fallback;
     }
  };

#endif
//+------------------------------------------------------------------+
