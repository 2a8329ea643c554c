using System.Globalization;
using MtMcp.DemoMarket.Random;
using MtMcp.Domain;

namespace MtMcp.DemoMarket.Model;

/// <summary>
/// The resolved demo market: sources, drivers and symbols with their weekly tables, built once from
/// <see cref="DemoMarketOptions"/>. Immutable and safe to share between threads.
/// </summary>
[Immutable]
internal sealed class MarketModel
{
    private const int MaxSymbols = 1 << 16;

    private static readonly HashSet<string> s_majorCurrencies = new(StringComparer.Ordinal) { "EUR", "GBP", "JPY", "CHF", "AUD", "NZD", "CAD" };
    private static readonly HashSet<string> s_metals = new(StringComparer.Ordinal) { "XAU", "XAG", "XPT", "XPD" };

    private readonly Dictionary<string, SymbolModel> _byName;

    /// <summary>Resolves <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">The options are inconsistent; the message says which entry and why.</exception>
    public MarketModel(DemoMarketOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        var specs = ValidateSymbols(options);
        if (options.Start < DateTimeOffset.UnixEpoch)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Start, "DemoMarketOptions.Start must not be before 1970-01-01 UTC.");
        }

        StartMinute = options.Start.ToUnixTimeMilliseconds() / 60_000;

        var builder = new DriverBuilder();
        var legs = new (Leg Base, Leg Quote)[specs.Count];
        for (var i = 0; i < specs.Count; i++)
        {
            legs[i] = builder.Resolve(specs[i]);
        }

        ApplyVolatilities(options, specs, legs);
        ApplyStartPrices(options, specs, legs);

        Sources = BuildSources(options.Seed, builder.Drivers, out var sourceIndex);
        Drivers = BuildDrivers(options.Seed, builder.Drivers, sourceIndex, Sources);
        Symbols = new SymbolModel[specs.Count];
        _byName = new Dictionary<string, SymbolModel>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < specs.Count; i++)
        {
            Symbols[i] = BuildSymbol(options.Seed, specs[i], i, legs[i], Drivers, Sources);
            _byName.Add(specs[i].Name, Symbols[i]);
        }
    }

    /// <summary>The options the model was built from.</summary>
    public DemoMarketOptions Options { get; }

    /// <summary>The Unix minute at which the walk starts.</summary>
    public long StartMinute { get; }

    /// <summary>All sources of random moves.</summary>
    public SourceModel[] Sources { get; }

    /// <summary>All drivers.</summary>
    public DriverModel[] Drivers { get; }

    /// <summary>All symbols, in the order of <see cref="DemoMarketOptions.Symbols"/>.</summary>
    public SymbolModel[] Symbols { get; }

    /// <summary>Finds a symbol by name, case-insensitively.</summary>
    public bool TryGetSymbol(string name, out SymbolModel symbol) => _byName.TryGetValue(name, out symbol!);

    private static IReadOnlyList<SymbolSpec> ValidateSymbols(DemoMarketOptions options)
    {
        var specs = options.Symbols ?? throw new ArgumentException("DemoMarketOptions.Symbols must not be null.", nameof(options));
        if (specs.Count == 0)
        {
            throw new ArgumentException("DemoMarketOptions.Symbols is empty: the demo market needs at least one symbol.", nameof(options));
        }

        if (specs.Count > MaxSymbols)
        {
            throw new ArgumentException($"DemoMarketOptions.Symbols has {specs.Count} symbols; at most {MaxSymbols} are allowed.", nameof(options));
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < specs.Count; i++)
        {
            var spec = specs[i] ?? throw new ArgumentException($"DemoMarketOptions.Symbols[{i}] is null.", nameof(options));
            var problems = spec.Validate();
            if (problems.Count > 0)
            {
                throw new ArgumentException($"DemoMarketOptions.Symbols[{i}] is invalid: {string.Join("; ", problems)}.", nameof(options));
            }

            if (!names.Add(spec.Name))
            {
                throw new ArgumentException($"DemoMarketOptions.Symbols names '{spec.Name}' twice; names must be unique (case-insensitively).", nameof(options));
            }
        }

        return specs;
    }

    private static void ApplyVolatilities(DemoMarketOptions options, IReadOnlyList<SymbolSpec> specs, (Leg Base, Leg Quote)[] legs)
    {
        var volatilities = options.Volatilities ?? throw new ArgumentException("DemoMarketOptions.Volatilities must not be null.", nameof(options));
        CheckNames(options, volatilities.Keys, nameof(DemoMarketOptions.Volatilities));
        for (var i = 0; i < specs.Count; i++)
        {
            if (!TryGetIgnoreCase(volatilities, specs[i].Name, out var volatility))
            {
                continue;
            }

            if (!double.IsFinite(volatility) || volatility <= 0 || volatility > 5)
            {
                throw new ArgumentException(
                    $"DemoMarketOptions.Volatilities[{specs[i].Name}] = {volatility.ToString(CultureInfo.InvariantCulture)} is outside (0, 5]; give an annualised fraction such as 0.07 for 7 %.",
                    nameof(options));
            }

            var (baseLeg, quoteLeg) = legs[i];
            if (baseLeg.Driver is not null && quoteLeg.Driver is not null)
            {
                throw new ArgumentException(
                    $"DemoMarketOptions.Volatilities cannot set the cross {specs[i].Name}: its volatility follows from its legs; set {baseLeg.Driver.Name}USD and USD{quoteLeg.Driver.Name} pairs instead.",
                    nameof(options));
            }

            (baseLeg.Driver ?? quoteLeg.Driver)!.Volatility = volatility;
        }
    }

    private static void ApplyStartPrices(DemoMarketOptions options, IReadOnlyList<SymbolSpec> specs, (Leg Base, Leg Quote)[] legs)
    {
        var prices = options.StartPrices ?? throw new ArgumentException("DemoMarketOptions.StartPrices must not be null.", nameof(options));
        CheckNames(options, prices.Keys, nameof(DemoMarketOptions.StartPrices));
        for (var i = 0; i < specs.Count; i++)
        {
            var name = specs[i].Name;
            if (!TryGetIgnoreCase(prices, name, out var price))
            {
                continue;
            }

            if (!double.IsFinite(price) || price <= 0)
            {
                throw new ArgumentException(
                    $"DemoMarketOptions.StartPrices[{name}] = {price.ToString(CultureInfo.InvariantCulture)} must be a positive price.", nameof(options));
            }

            var (baseLeg, quoteLeg) = legs[i];
            var baseValue = baseLeg.Driver?.StartValue ?? 1;
            var quoteValue = quoteLeg.Driver?.StartValue ?? 1;
            if (baseLeg.Driver is { Pinned: false } free)
            {
                free.StartValue = price * quoteValue;
                free.Pinned = true;
            }
            else if (quoteLeg.Driver is { Pinned: false } freeQuote)
            {
                freeQuote.StartValue = baseValue / price;
                freeQuote.Pinned = true;
            }
            else if (Math.Abs((baseValue / quoteValue / price) - 1) > 1e-9)
            {
                throw new ArgumentException(
                    $"DemoMarketOptions.StartPrices[{name}] = {price.ToString(CultureInfo.InvariantCulture)} contradicts earlier start prices, which imply {(baseValue / quoteValue).ToString("G8", CultureInfo.InvariantCulture)}.",
                    nameof(options));
            }
        }
    }

    private static void CheckNames(DemoMarketOptions options, IEnumerable<string> names, string property)
    {
        var specs = options.Symbols;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            if (!seen.Add(name))
            {
                throw new ArgumentException($"DemoMarketOptions.{property} names '{name}' twice (names are case-insensitive).", nameof(options));
            }

            var found = false;
            foreach (var spec in specs)
            {
                found |= spec.Name.Equals(name, StringComparison.OrdinalIgnoreCase);
            }

            if (!found)
            {
                throw new ArgumentException($"DemoMarketOptions.{property} names '{name}', which is not in DemoMarketOptions.Symbols.", nameof(options));
            }
        }
    }

    private static bool TryGetIgnoreCase(IReadOnlyDictionary<string, double> values, string name, out double value)
    {
        foreach (var (key, candidate) in values)
        {
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = 0;
        return false;
    }

    private static SourceModel[] BuildSources(ulong seed, IReadOnlyList<MutableDriver> drivers, out Dictionary<string, int> index)
    {
        var names = new List<(string Name, ActivityProfile Profile)>();
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string name, ActivityProfile profile)
        {
            if (byName.TryAdd(name, names.Count))
            {
                names.Add((name, profile));
            }
        }

        foreach (var driver in drivers)
        {
            foreach (var (factor, _) in driver.Definition.Loadings)
            {
                Add(factor, ProfileOf(factor));
            }

            Add(DriverCatalog.OwnSourceName(driver.Definition.Name), driver.Definition.Profile);
        }

        var tables = new Dictionary<ActivityProfile, (double[], double[], double)>();
        var sources = new SourceModel[names.Count];
        for (var i = 0; i < sources.Length; i++)
        {
            var (name, profile) = names[i];
            if (!tables.TryGetValue(profile, out var table))
            {
                table = SourceModel.Tables(profile);
                tables.Add(profile, table);
            }

            sources[i] = new SourceModel(name, i, StreamSeeds.ForName(seed, "walk", name), table.Item1, table.Item2, table.Item3);
        }

        index = byName;
        return sources;
    }

    private static ActivityProfile ProfileOf(string factor)
    {
        if (DriverCatalog.Factors.TryGetValue(factor, out var profile))
        {
            return profile;
        }

        // Another driver's own source (DKK loads on EUR's): it moves in that driver's hours.
        foreach (var known in DriverCatalog.KnownAssets)
        {
            if (DriverCatalog.OwnSourceName(known.Name).Equals(factor, StringComparison.Ordinal))
            {
                return known.Profile;
            }
        }

        throw new InvalidOperationException($"The driver catalogue names an unknown factor '{factor}'.");
    }

    private static DriverModel[] BuildDrivers(ulong seed, IReadOnlyList<MutableDriver> drivers, Dictionary<string, int> sourceIndex, SourceModel[] sources)
    {
        var models = new DriverModel[drivers.Count];
        for (var d = 0; d < models.Length; d++)
        {
            var definition = drivers[d].Definition;
            var volatility = drivers[d].Volatility;
            var loadings = definition.Loadings;
            var indices = new int[loadings.Count + 1];
            var weights = new double[loadings.Count + 1];
            for (var i = 0; i < loadings.Count; i++)
            {
                indices[i] = sourceIndex[loadings[i].Factor];
                weights[i] = volatility * loadings[i].Loading;
            }

            indices[^1] = sourceIndex[DriverCatalog.OwnSourceName(definition.Name)];
            weights[^1] = volatility * definition.IdiosyncraticLoading;
            models[d] = new DriverModel(
                definition.Name, d, DeterministicMath.Log(drivers[d].StartValue), indices, weights,
                MinuteVariance(indices, weights, sources), StreamSeeds.ForName(seed, "bridge", definition.Name));
        }

        return models;
    }

    // Σ weight² × (per-minute std of the source)² for every minute of the week.
    private static double[] MinuteVariance(int[] sourceIndices, double[] weights, SourceModel[] sources)
    {
        var variance = new double[Seasonality.MinutesPerWeek];
        for (var i = 0; i < sourceIndices.Length; i++)
        {
            var std = sources[sourceIndices[i]].MinuteStd;
            var weight2 = weights[i] * weights[i];
            for (var w = 0; w < variance.Length; w++)
            {
                variance[w] += weight2 * std[w] * std[w];
            }
        }

        return variance;
    }

    private static SymbolModel BuildSymbol(ulong seed, SymbolSpec spec, int index, (Leg Base, Leg Quote) legs, DriverModel[] drivers, SourceModel[] sources)
    {
        var baseDriver = legs.Base.Driver?.Index ?? -1;
        var quoteDriver = legs.Quote.Driver?.Index ?? -1;

        // The symbol's log mid moves by (base weights − quote weights) per source.
        var combined = new SortedDictionary<int, double>();
        void Add(int driver, double sign)
        {
            if (driver < 0)
            {
                return;
            }

            var model = drivers[driver];
            for (var i = 0; i < model.Sources.Length; i++)
            {
                combined[model.Sources[i]] = combined.GetValueOrDefault(model.Sources[i]) + (sign * model.Weights[i]);
            }
        }

        Add(baseDriver, 1);
        Add(quoteDriver, -1);
        var symbolSources = combined.Keys.ToArray();
        var symbolWeights = combined.Values.ToArray();
        var variance = MinuteVariance(symbolSources, symbolWeights, sources);

        var total = symbolWeights.Sum(w => w * w);
        var jumpSources = symbolSources.Where((_, i) => symbolWeights[i] * symbolWeights[i] >= ModelParameters.JumpSourceMinShare * total).ToArray();

        var (peakTicks, quietTicks) = TickRates(spec);
        var quoted = QuotedMinutes(spec);
        var peakVariance = variance.Max();
        var ticksPerMinute = new float[Seasonality.MinutesPerWeek];
        var liquidity = new float[Seasonality.MinutesPerWeek];
        for (var w = 0; w < ticksPerMinute.Length; w++)
        {
            var activity = peakVariance > 0 ? variance[w] / peakVariance : 1;
            ticksPerMinute[w] = quoted[w] ? (float)Math.Max(quietTicks, peakTicks * activity * activity) : 0f;
            liquidity[w] = (float)(1 + (ModelParameters.QuietSpreadWidening * (1 - activity)));
        }

        var tickSize = spec.TickSize;
        var pointsPerTick = Math.Max(1, (int)Math.Round(tickSize / spec.Point));
        return new SymbolModel
        {
            Spec = spec,
            Index = index,
            BaseDriver = baseDriver,
            QuoteDriver = quoteDriver,
            StreamSeed = StreamSeeds.ForName(seed, "ticks", spec.Name),
            TickSize = tickSize,
            Digits = spec.Digits,
            PointsPerTick = pointsPerTick,
            TypicalSpreadTicks = Math.Max(1.0, spec.Spread / (double)pointsPerTick),
            RolloverPeak = spec.AssetClass == EsmaAssetClass.Crypto ? 2 : 4,
            TicksPerMinute = ticksPerMinute,
            Liquidity = liquidity,
            MinuteVariance = variance,
            JumpSources = jumpSources,
            Sources = symbolSources,
        };
    }

    // Expected ticks per minute at the busiest and quietest quoted times.
    private static (double Peak, double Quiet) TickRates(SymbolSpec spec) => spec.AssetClass switch
    {
        EsmaAssetClass.MajorCurrencyPair or EsmaAssetClass.NonMajorCurrencyPair =>
            IsMajorPair(spec) ? (180, 6) : (90, 4),
        EsmaAssetClass.Gold => (180, 6),
        EsmaAssetClass.Commodity => s_metals.Contains(spec.CurrencyBase) ? (90, 4) : (120, 4),
        EsmaAssetClass.MajorIndex or EsmaAssetClass.MinorIndex => (150, 5),
        EsmaAssetClass.Crypto => (90, 6),
        _ => (60, 3),
    };

    private static bool IsMajorPair(SymbolSpec spec) =>
        (spec.CurrencyBase == DriverCatalog.Numeraire && s_majorCurrencies.Contains(spec.CurrencyProfit))
        || (spec.CurrencyProfit == DriverCatalog.Numeraire && s_majorCurrencies.Contains(spec.CurrencyBase));

    private static bool[] QuotedMinutes(SymbolSpec spec)
    {
        var quoted = new bool[Seasonality.MinutesPerWeek];
        var sessions = spec.QuoteSessions;
        for (var w = 0; w < quoted.Length; w++)
        {
            if (sessions.Count == 0)
            {
                quoted[w] = true;
                continue;
            }

            var day = (DayOfWeek)(w / 1440);
            foreach (var session in sessions)
            {
                quoted[w] |= session.Contains(day, w % 1440);
            }
        }

        return quoted;
    }

    /// <summary>One side of a symbol: a driver, or null for the dollar.</summary>
    private readonly record struct Leg(MutableDriver? Driver);

    [Mutable]
    private sealed class MutableDriver(DriverDefinition definition)
    {
        public DriverDefinition Definition { get; } = definition;

        public int Index { get; init; }

        public string Name => Definition.Name;

        public double Volatility { get; set; } = definition.Volatility;

        public double StartValue { get; set; } = definition.StartValue;

        public bool Pinned { get; set; }
    }

    [Mutable]
    private sealed class DriverBuilder
    {
        private readonly Dictionary<string, MutableDriver> _byName = new(StringComparer.OrdinalIgnoreCase);

        public List<MutableDriver> Drivers { get; } = [];

        public (Leg Base, Leg Quote) Resolve(SymbolSpec spec)
        {
            // A pair of assets when the base is one (EURUSD, XAUUSD, BTCUSD, USDSEK); an index or energy CFD whose
            // base currency merely differs from its profit currency is still an instrument of its own.
            var isPair = !spec.CurrencyBase.Equals(spec.CurrencyProfit, StringComparison.OrdinalIgnoreCase)
                && (DriverCatalog.IsKnownAsset(spec.CurrencyBase) || spec.CurrencyBase.Equals(DriverCatalog.Numeraire, StringComparison.OrdinalIgnoreCase)
                    || spec.AssetClass is EsmaAssetClass.MajorCurrencyPair or EsmaAssetClass.NonMajorCurrencyPair or EsmaAssetClass.Crypto or EsmaAssetClass.Gold);
            if (isPair)
            {
                return (Asset(spec.CurrencyBase, spec.AssetClass), Asset(spec.CurrencyProfit, spec.AssetClass));
            }

            return (new Leg(Get(DriverCatalog.Instrument(spec.Name, spec.CurrencyProfit, spec.AssetClass))), default);
        }

        private Leg Asset(string code, EsmaAssetClass assetClass) =>
            code.Equals(DriverCatalog.Numeraire, StringComparison.OrdinalIgnoreCase)
                ? default
                : new Leg(Get(DriverCatalog.Asset(code, assetClass)));

        private MutableDriver Get(DriverDefinition definition)
        {
            if (!_byName.TryGetValue(definition.Name, out var driver))
            {
                driver = new MutableDriver(definition) { Index = Drivers.Count };
                _byName.Add(definition.Name, driver);
                Drivers.Add(driver);
            }

            return driver;
        }
    }
}
