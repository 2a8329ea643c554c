// Regenerates ../MtMcp.Indicators.Tests/Golden/<dataset>/<FUNCTION>.json.gz from TA-Lib itself (the npm `talib` package builds
// the TA-Lib C library from source). Run from this folder:
//   npm install && npm run build-talib && npm run generate
// The datasets are read from ../../../shared/data exactly as the C# tests read them (GoldenData.cs).
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const talib = require('talib');
const here = dirname(fileURLToPath(import.meta.url));
const shared = join(here, '..', '..', '..', 'shared', 'data');
const goldenRoot = join(here, '..', 'MtMcp.Indicators.Tests', 'Golden');

// --- datasets (keep in step with GoldenData.cs) -------------------------------------------------
function csvDataset() {
  const lines = readFileSync(join(shared, 'EURUSD.csv'), 'utf8').trim().split('\n').slice(1);
  const cols = { open: [], high: [], low: [], close: [], volume: [] };
  for (const line of lines) {
    const f = line.split(',');
    cols.open.push(+f[1]); cols.high.push(+f[2]); cols.low.push(+f[3]); cols.close.push(+f[4]); cols.volume.push(+f[5]);
  }
  return cols;
}

function leanDataset(count) {
  const text = execFileSync('unzip', ['-p', join(shared, 'lean', 'forex', 'oanda', 'hour', 'eurusd.zip')], { maxBuffer: 1 << 28 }).toString();
  const lines = text.trim().split(/\r?\n/).slice(-count);
  const cols = { open: [], high: [], low: [], close: [], volume: [] };
  for (const line of lines) {
    const f = line.split(',');
    cols.open.push(+f[1]); cols.high.push(+f[2]); cols.low.push(+f[3]); cols.close.push(+f[4]);
    // LEAN forex bars carry no volume; the tests use the bar's range in points so volume functions see real variation.
    cols.volume.push(Math.round((+f[2] - +f[3]) * 1e5));
  }
  return cols;
}

// Candles built so that every pattern fires (13 of the 61 never do on the real data). Synthetic, so the
// inputs are written next to the outputs (input.json.gz) instead of being read from shared data.
function syntheticCandles(count) {
  let state = 7;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const round = v => Math.round(v * 100) / 100;
  const cols = { open: [], high: [], low: [], close: [], volume: [] };
  let previous = 100, trend = 1, trendLeft = 0;
  for (let i = 0; i < count; i++) {
    const gap = random();
    let open = gap < 0.55 ? previous : gap < 0.8 ? previous + (random() - 0.5) : previous + (random() < 0.5 ? -trend : trend) * (1 + random() * 4);
    const size = random();
    const body = size < 0.25 ? 0 : size < 0.5 ? random() * 0.3 : size < 0.8 ? 0.5 + random() * 1.5 : 2 + random() * 4;
    if (trendLeft-- <= 0) { trend = random() < 0.5 ? -1 : 1; trendLeft = Math.floor(random() * 8); }
    let close = open + (random() < 0.75 ? trend : -trend) * body;
    open = round(open); close = round(close);
    const shadow = () => { const k = random(); return k < 0.35 ? 0 : k < 0.6 ? random() * 0.1 : k < 0.85 ? random() : 1 + random() * 4; };
    cols.open.push(open); cols.close.push(close);
    cols.high.push(round(Math.max(open, close) + shadow())); cols.low.push(round(Math.min(open, close) - shadow()));
    cols.volume.push(0);
    previous = close < 20 ? close + 50 : close;
  }
  appendRarePatterns(cols, random);
  return cols;
}

// Three patterns never fire on the random candles at their default parameters: CDL2CROWS, CDL3STARSINSOUTH and
// CDLMATHOLD. Each is appended four times, built from TA-Lib's definitions (ta_CDL2CROWS.c,
// ta_CDL3STARSINSOUTH.c, ta_CDLMATHOLD.c), after ten calm candles (bodies of 1, ranges of 2) so that the candle
// settings' averages ("long" and "short" bodies against the 10 bodies before, "very short" shadows against 10 % of
// the 10 ranges before) are known. Candles are [open, high, low, close] as offsets from a base price.
function appendRarePatterns(cols, random) {
  const round = v => Math.round(v * 100) / 100;
  const push = (base, [open, high, low, close]) => {
    cols.open.push(round(base + open)); cols.high.push(round(base + high));
    cols.low.push(round(base + low)); cols.close.push(round(base + close)); cols.volume.push(0);
  };
  const calm = base => {
    for (let i = 0; i < 10; i++) push(base, i % 2 === 0 ? [0, 1.5, -0.5, 1] : [1, 1.5, -0.5, 0]);
  };
  // Two crows: a long white body; a black body gapping up above it; a black candle opening inside the second body
  // and closing inside the first.
  const twoCrows = () => {
    const long = 3 + random() * 3, gap = 0.5 + random(), second = 0.5 + random();
    return [
      [0, long + 0.2, -0.2, long],
      [long + gap + second, long + gap + second + 0.2, long + gap - 0.2, long + gap],
      [long + gap + second / 2, long + gap + second / 2 + 0.1, long / 3 - 0.1, long / 3],
    ];
  };
  // Three stars in the south: a long black candle with a lower shadow longer than its body; a smaller black candle
  // opening inside the first's range above its close, its low above the first's low and below the first's close,
  // with a lower shadow; a small black marubozu inside the second's range.
  const threeStars = () => {
    const long = 2.5 + random() * 2, shadow = long + 0.5 + random();
    return [
      [long, long + 0.1, -shadow, 0],
      [1, 1.1, -1, -0.5],
      [-0.6, -0.6, -0.8, -0.8],
    ];
  };
  // Mat hold: a long white candle; a short black body gapping up; two short bodies, each lower than the one before,
  // dipping into the first body by less than half of it; a white candle opening above the last close and closing
  // above the three highs.
  const matHold = () => {
    const long = 4 + random() * 2, dip = random() * 0.3;
    return [
      [0, long + 0.1, -0.1, long],
      [long + 1, long + 1.1, long + 0.5, long + 0.6],
      [long - 0.1 - dip, long, long - 0.5 - dip, long - 0.5 - dip],
      [long - 0.4 - dip, long - 0.3 - dip, long - 0.9 - dip, long - 0.8 - dip],
      [long - 0.6 - dip, long + 2.1, long - 0.7 - dip, long + 2],
    ];
  };
  // Three more fire only once or twice on the random candles; one or two copies make "several" (prices as offsets
  // from the calm candles' open).
  const upsideGapTwoCrows = () => [[0, 3.2, -0.1, 3], [4.5, 4.6, 3.9, 4], [4.8, 4.9, 3.4, 3.5]];
  const breakaway = () => [[3, 3.1, -0.1, 0], [-0.5, -0.4, -1.1, -1], [-0.8, -0.6, -1.5, -1.3], [-1, -0.8, -1.8, -1.6], [-1.5, -0.1, -1.6, -0.2]];
  const concealingBabySwallow = () => [[3, 3.05, 0.95, 1], [1, 1.05, -1.05, -1], [-1.5, -0.5, -2.1, -2], [-0.4, -0.2, -2.5, -2.3]];
  const sequences = [twoCrows, threeStars, matHold, twoCrows, threeStars, matHold, twoCrows, threeStars, matHold, twoCrows, threeStars, matHold];
  for (const [build, shift] of [...sequences.map(b => [b, 1]), [upsideGapTwoCrows, 0], [breakaway, 0], [concealingBabySwallow, 0], [concealingBabySwallow, 0]]) {
    const base = Math.round(cols.close[cols.close.length - 1]);
    calm(base);
    for (const candle of build()) push(base + shift, candle);
  }
}

const datasets = { eurusd_h1: csvDataset(), lean_eurusd_h1: leanDataset(3000), synthetic_candles: syntheticCandles(20000) };
const onlyPatterns = new Set(['synthetic_candles']);

// --- cases ------------------------------------------------------------------------------------------
const custom = {
  SMA: [{ optInTimePeriod: 5 }], EMA: [{ optInTimePeriod: 12 }], WMA: [{ optInTimePeriod: 10 }],
  RSI: [{ optInTimePeriod: 2 }, { optInTimePeriod: 21 }], BBANDS: [{ optInTimePeriod: 20, optInNbDevUp: 2.5, optInNbDevDn: 1.5, optInMAType: 0 }],
  MACD: [{ optInFastPeriod: 5, optInSlowPeriod: 35, optInSignalPeriod: 5 }],
  STOCH: [{ optInFastK_Period: 14, optInSlowK_Period: 3, optInSlowK_MAType: 1, optInSlowD_Period: 3, optInSlowD_MAType: 0 }],
  ATR: [{ optInTimePeriod: 7 }], ADX: [{ optInTimePeriod: 7 }], SAR: [{ optInAcceleration: 0.01, optInMaximum: 0.1 }],
  KAMA: [{ optInTimePeriod: 10 }], T3: [{ optInTimePeriod: 10, optInVFactor: 0.5 }], CCI: [{ optInTimePeriod: 20 }],
  WILLR: [{ optInTimePeriod: 7 }], MAMA: [{ optInFastLimit: 0.3, optInSlowLimit: 0.1 }], TRIMA: [{ optInTimePeriod: 10 }],
};

function casesFor(info) {
  const defaults = Object.fromEntries(info.optInputs.map(o => [o.name, o.defaultValue]));
  const cases = [defaults];
  if (info.name.startsWith('CDL') && info.optInputs.length > 0) {
    for (const penetration of [0, 0.1, 0.7, 1.5]) cases.push({ ...defaults, optInPenetration: penetration });
  }
  for (const extra of custom[info.name] ?? []) cases.push({ ...defaults, ...extra });
  const maParams = info.optInputs.filter(o => o.type === 'integer_list').map(o => o.name);
  if (maParams.length > 0) {
    for (let ma = 1; ma <= 8; ma++) {
      const variant = { ...defaults };
      for (const name of maParams) variant[name] = ma;
      cases.push(variant);
    }
  }
  return cases;
}

function inputsFor(info, data) {
  const inputs = {};
  const n = data.close.length;
  for (const input of info.inputs) {
    if (input.type === 'price') {
      for (const flag of Object.values(input.flags)) inputs[flag] = data[flag];
    } else if (input.name === 'inPeriods') {
      inputs.inPeriods = Array.from({ length: n }, (_, i) => 2 + ((i * 7) % 29));
    } else if (input.name === 'inReal1') {
      inputs.inReal1 = data.open;
    } else {
      inputs[input.name] = data.close;
    }
  }
  return inputs;
}

const clean = values => Array.from(values, v => (Number.isFinite(v) ? v : null));

let files = 0;
for (const [datasetName, data] of Object.entries(datasets)) {
  const folder = join(goldenRoot, datasetName);
  mkdirSync(folder, { recursive: true });
  if (onlyPatterns.has(datasetName)) {
    writeFileSync(join(folder, 'input.json.gz'), gzipSync(JSON.stringify(data), { level: 9 }));
  }
  for (const fn of talib.functions) {
    if (onlyPatterns.has(datasetName) && !fn.name.startsWith('CDL')) continue;
    const info = talib.explain(fn.name);
    const cases = [];
    for (const params of casesFor(info)) {
      const result = talib.execute({ name: info.name, startIdx: 0, endIdx: data.close.length - 1, ...inputsFor(info, data), ...params });
      if (result.error) throw new Error(`${info.name}: ${result.error}`);
      const outputs = Object.fromEntries(Object.entries(result.result).map(([k, v]) => [k, clean(v)]));
      cases.push({ params, begIndex: result.begIndex, nbElement: result.nbElement, outputs });
    }
    const body = JSON.stringify({ function: info.name, group: info.group, dataset: datasetName, bars: data.close.length, cases });
    writeFileSync(join(folder, `${info.name}.json.gz`), gzipSync(body, { level: 9 }));
    files++;
  }
}

// The function list with TA-Lib's own metadata, for the metadata tests.
const meta = talib.functions.map(f => talib.explain(f.name));
writeFileSync(join(goldenRoot, 'functions.json'), JSON.stringify(meta, null, 1));
console.log(`wrote ${files} golden files and functions.json to ${goldenRoot}`);
