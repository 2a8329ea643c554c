using System.Reflection;
using System.Runtime.InteropServices;

namespace MtMcp.Benchmarks;

/// <summary>
/// TA-Lib C, loaded from the library bench/talib/build compiles (path in MTMCP_TALIB_LIBRARY), for
/// side-by-side timing. Only the functions the benchmarks compare are declared.
/// </summary>
internal static unsafe partial class TaLibNative
{
    private const string Library = "ta_lib";

    static TaLibNative()
    {
        NativeLibrary.SetDllImportResolver(typeof(TaLibNative).Assembly, Resolve);
        if (IsAvailable && TA_Initialize() != 0)
        {
            throw new InvalidOperationException("TA_Initialize failed.");
        }
    }

    /// <summary>Whether the TA-Lib library was built and named in the environment.</summary>
    public static bool IsAvailable => File.Exists(Environment.GetEnvironmentVariable("MTMCP_TALIB_LIBRARY"));

    [LibraryImport(Library)]
    internal static partial int TA_Initialize();

    [LibraryImport(Library)]
    internal static partial int TA_SMA(int start, int end, double* real, int period, int* begIdx, int* count, double* output);

    [LibraryImport(Library)]
    internal static partial int TA_EMA(int start, int end, double* real, int period, int* begIdx, int* count, double* output);

    [LibraryImport(Library)]
    internal static partial int TA_WMA(int start, int end, double* real, int period, int* begIdx, int* count, double* output);

    [LibraryImport(Library)]
    internal static partial int TA_DEMA(int start, int end, double* real, int period, int* begIdx, int* count, double* output);

    [LibraryImport(Library)]
    internal static partial int TA_TEMA(int start, int end, double* real, int period, int* begIdx, int* count, double* output);

    [LibraryImport(Library)]
    internal static partial int TA_TRIMA(int start, int end, double* real, int period, int* begIdx, int* count, double* output);

    [LibraryImport(Library)]
    internal static partial int TA_KAMA(int start, int end, double* real, int period, int* begIdx, int* count, double* output);

    [LibraryImport(Library)]
    internal static partial int TA_T3(int start, int end, double* real, int period, double vFactor, int* begIdx, int* count, double* output);

    [LibraryImport(Library)]
    internal static partial int TA_BBANDS(int start, int end, double* real, int period, double devUp, double devDown, int maType, int* begIdx, int* count, double* upper, double* middle, double* lower);

    [LibraryImport(Library)]
    internal static partial int TA_MACD(int start, int end, double* real, int fast, int slow, int signal, int* begIdx, int* count, double* macd, double* macdSignal, double* macdHist);

    [LibraryImport(Library)]
    internal static partial int TA_RSI(int start, int end, double* real, int period, int* begIdx, int* count, double* output);

    [LibraryImport(Library)]
    internal static partial int TA_STOCH(int start, int end, double* high, double* low, double* close, int fastK, int slowK, int slowKMa, int slowD, int slowDMa, int* begIdx, int* count, double* k, double* d);

    [LibraryImport(Library)]
    internal static partial int TA_STOCHRSI(int start, int end, double* real, int period, int fastK, int fastD, int fastDMa, int* begIdx, int* count, double* k, double* d);

    [LibraryImport(Library)]
    internal static partial int TA_ADX(int start, int end, double* high, double* low, double* close, int period, int* begIdx, int* count, double* output);

    [LibraryImport(Library)]
    internal static partial int TA_ATR(int start, int end, double* high, double* low, double* close, int period, int* begIdx, int* count, double* output);

    [LibraryImport(Library)]
    internal static partial int TA_NATR(int start, int end, double* high, double* low, double* close, int period, int* begIdx, int* count, double* output);

    [LibraryImport(Library)]
    internal static partial int TA_CCI(int start, int end, double* high, double* low, double* close, int period, int* begIdx, int* count, double* output);

    [LibraryImport(Library)]
    internal static partial int TA_MFI(int start, int end, double* high, double* low, double* close, double* volume, int period, int* begIdx, int* count, double* output);

    [LibraryImport(Library)]
    internal static partial int TA_OBV(int start, int end, double* real, double* volume, int* begIdx, int* count, double* output);

    [LibraryImport(Library)]
    internal static partial int TA_AD(int start, int end, double* high, double* low, double* close, double* volume, int* begIdx, int* count, double* output);

    [LibraryImport(Library)]
    internal static partial int TA_ADOSC(int start, int end, double* high, double* low, double* close, double* volume, int fast, int slow, int* begIdx, int* count, double* output);

    [LibraryImport(Library)]
    internal static partial int TA_WILLR(int start, int end, double* high, double* low, double* close, int period, int* begIdx, int* count, double* output);

    [LibraryImport(Library)]
    internal static partial int TA_ROC(int start, int end, double* real, int period, int* begIdx, int* count, double* output);

    [LibraryImport(Library)]
    internal static partial int TA_MOM(int start, int end, double* real, int period, int* begIdx, int* count, double* output);

    [LibraryImport(Library)]
    internal static partial int TA_SAR(int start, int end, double* high, double* low, double acceleration, double maximum, int* begIdx, int* count, double* output);

    [LibraryImport(Library)]
    internal static partial int TA_AROON(int start, int end, double* high, double* low, int period, int* begIdx, int* count, double* down, double* up);

    [LibraryImport(Library)]
    internal static partial int TA_ULTOSC(int start, int end, double* high, double* low, double* close, int period1, int period2, int period3, int* begIdx, int* count, double* output);

    [LibraryImport(Library)]
    internal static partial int TA_STDDEV(int start, int end, double* real, int period, double nbDev, int* begIdx, int* count, double* output);

    [LibraryImport(Library)]
    internal static partial int TA_LINEARREG(int start, int end, double* real, int period, int* begIdx, int* count, double* output);

    [LibraryImport(Library)]
    internal static partial int TA_CDLENGULFING(int start, int end, double* open, double* high, double* low, double* close, int* begIdx, int* count, int* output);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        name == Library && Environment.GetEnvironmentVariable("MTMCP_TALIB_LIBRARY") is { } path && File.Exists(path)
            ? NativeLibrary.Load(path)
            : IntPtr.Zero;
}
