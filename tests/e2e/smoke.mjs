// End-to-end check of `mtmcp serve` with the official Node MCP SDK client.
// Usage: node smoke.mjs stdio <command> [args...]   |   node smoke.mjs http <url>
// The SDK validates every structuredContent against the tool's outputSchema, so a schema mismatch fails here.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [kind, target, ...args] = process.argv.slice(2);
const fail = (message) => { throw new Error(message); };
const client = new Client({ name: "mtmcp-e2e", version: "0.0.1" });
let closing = false;
// Errors while running fail the check (stdout pollution shows up here); closing aborts the HTTP GET stream, which is fine.
client.onerror = (e) => { if (!closing) { console.error(`client error: ${e.message}`); process.exitCode = 1; } };
await client.connect(kind === "stdio"
  ? new StdioClientTransport({ command: target, args, stderr: "ignore" })
  : new StreamableHTTPClientTransport(new URL(target)));

const { tools } = await client.listTools();
if (tools.length < 40) fail(`only ${tools.length} tools`);
for (const t of tools) {
  const a = t.annotations ?? {};
  for (const hint of ["readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"])
    if (typeof a[hint] !== "boolean") fail(`${t.name}: ${hint} missing`);
  if (!t.title || !t.description) fail(`${t.name}: title or description missing`);
}

const call = async (name, args) => {
  const result = await client.callTool({ name, arguments: args });
  return result;
};
const ok = async (name, args) => {
  const r = await call(name, args);
  if (r.isError) fail(`${name} failed: ${r.content[0].text}`);
  if (!r.structuredContent) fail(`${name}: no structuredContent`);
  return r.structuredContent;
};
const error = async (name, args) => {
  const r = await call(name, args);
  if (!r.isError) fail(`${name} should have failed`);
  return JSON.parse(r.content[0].text);
};

const quote = (await ok("get_quote", { symbols: ["EURUSD", "XAUUSD"] })).quotes;
if (quote.length !== 2 || !(quote[0].ask > quote[0].bid)) fail("bad quotes");
const bars = await ok("get_bars", { symbol: "EURUSD", timeframe: "H1", count: 10 });
if (bars.bars.length !== 10) fail("bad bars");
await ok("get_symbol", { symbol: "GER40" });
await ok("calculate_indicator", { name: "rsi", symbol: "EURUSD", timeframe: "M15", count: 5 });
await ok("get_account", {});

const bad = await error("get_bars", { symbol: "EURUSD", timeframe: "H7" });
if (bad.error_code !== "INVALID_ARGUMENT" || bad.argument !== "timeframe") fail(`bad error ${JSON.stringify(bad)}`);
if ((await error("get_symbol", { symbol: "NOPE" })).error_code !== "UNKNOWN_SYMBOL") fail("unknown symbol not reported");
if ((await error("place_order", { symbol: "EURUSD", side: "buy", volume: -1, client_order_id: "neg" })).error_code !== "INVALID_ARGUMENT") fail("negative volume accepted");
if ((await error("optimize_strategy", {})).error_code !== "INVALID_ARGUMENT") fail("optimize_strategy without a strategy accepted");
if ((await error("run_backtest", {})).error_code !== "INVALID_ARGUMENT") fail("run_backtest without a strategy accepted");
const margin = await ok("calculate_margin", { symbol: "EURUSD", side: "buy", volume: 0.1 });
if (margin.margin !== 100) fail(`bad margin ${JSON.stringify(margin)}`);

const hours = await ok("get_market_hours", { symbol: "EURUSD" });
if (hours.tradable_now) {
  const placed = await ok("place_order", { symbol: "EURUSD", side: "buy", volume: 0.1, client_order_id: `e2e-${Date.now()}` });
  await ok("close_position", { ticket: placed.result.position, volume: 0.05 });
  await ok("close_position", { ticket: placed.result.position });
  const history = await ok("get_history", {});
  if (!history.deals.some((d) => d.position_id === placed.result.position && d.entry === "out")) fail("closing deals missing from history");
}

closing = true;
await client.close();
console.log(`ok: ${tools.length} tools over ${kind}`);
