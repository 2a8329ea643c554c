namespace MtMcp.DemoMarket.Model;

/// <summary>
/// Weekly variance-rate tables, one value per UTC minute of the week (Sunday 00:00 = index 0), with a
/// mean of exactly 1 over the week: multiplying a per-minute variance by the table moves variance
/// between hours without changing the annual total.
/// </summary>
internal static class Seasonality
{
    /// <summary>Minutes in a week.</summary>
    public const int MinutesPerWeek = 7 * 1440;

    // Minute of the week at which the forex week closes (Friday 22:00) and reopens (Sunday 22:00).
    private const int WeekCloseMinute = (5 * 1440) + (22 * 60);
    private const int WeekOpenMinute = 22 * 60;

    // Half-width of the linear ramp at the edge of a session, in minutes.
    private const double Ramp = 15;

    // Sessions in UTC minutes of the day (daylight saving time is ignored).
    private static readonly (double From, double To) s_asia = (23 * 60, 8 * 60);
    private static readonly (double From, double To) s_europe = (7 * 60, (16 * 60) + 30);
    private static readonly (double From, double To) s_america = ((12 * 60) + 30, 21 * 60);
    private static readonly (double From, double To) s_usCash = ((13 * 60) + 30, 20 * 60);
    private static readonly (double From, double To) s_europeCash = (7 * 60, (15 * 60) + 30);
    private static readonly (double From, double To) s_asiaCash = (0, 6 * 60);

    private static readonly double[][] s_tables = BuildAll();

    /// <summary>The weekly variance-rate table of <paramref name="profile"/> (mean 1, read-only by convention).</summary>
    public static double[] VarianceRate(ActivityProfile profile) => s_tables[(int)profile];

    /// <summary>The UTC minute of the week (0 = Sunday 00:00) of the Unix minute <paramref name="unixMinute"/>.</summary>
    public static int MinuteOfWeek(long unixMinute)
    {
        // 1970-01-01 was a Thursday, four days after a Sunday.
        var shifted = (unixMinute + (4 * 1440)) % MinutesPerWeek;
        return (int)(shifted < 0 ? shifted + MinutesPerWeek : shifted);
    }

    private static double[][] BuildAll()
    {
        var profiles = Enum.GetValues<ActivityProfile>();
        var tables = new double[profiles.Length][];
        foreach (var profile in profiles)
        {
            tables[(int)profile] = Build(profile);
        }

        return tables;
    }

    private static double[] Build(ActivityProfile profile)
    {
        // Weights: baseline, Asia, Europe, America, and the cash session of the profile's own exchange.
        var (baseline, asia, europe, america, cash, cashSession, weekendLevel, weekendIsSaturdaySunday) = profile switch
        {
            ActivityProfile.Usd => (0.25, 0.15, 0.7, 1.1, 0.0, s_usCash, 0.03, false),
            ActivityProfile.Europe => (0.25, 0.1, 1.1, 0.5, 0.0, s_europeCash, 0.03, false),
            ActivityProfile.Asia => (0.25, 0.9, 0.55, 0.35, 0.0, s_asiaCash, 0.03, false),
            ActivityProfile.Global => (0.25, 0.25, 0.75, 0.9, 0.0, s_usCash, 0.03, false),
            ActivityProfile.UsEquity => (0.15, 0.1, 0.3, 0.3, 1.6, s_usCash, 0.03, false),
            ActivityProfile.EuropeEquity => (0.15, 0.1, 0.3, 0.3, 1.5, s_europeCash, 0.03, false),
            ActivityProfile.AsiaEquity => (0.15, 0.3, 0.3, 0.2, 1.5, s_asiaCash, 0.03, false),
            ActivityProfile.Crypto => (0.8, 0.15, 0.25, 0.35, 0.0, s_usCash, 0.75, true),
            _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown activity profile."),
        };

        var table = new double[MinutesPerWeek];
        double weekdaySum = 0;
        var weekdayCount = 0;
        for (var minute = 0; minute < MinutesPerWeek; minute++)
        {
            var ofDay = (minute % 1440) + 0.5;
            var rate = baseline
                + (asia * Activity(ofDay, s_asia))
                + (europe * Activity(ofDay, s_europe))
                + (america * Activity(ofDay, s_america))
                + (cash * Activity(ofDay, cashSession));
            table[minute] = rate;
            if (!IsWeekend(minute, weekendIsSaturdaySunday))
            {
                weekdaySum += rate;
                weekdayCount++;
            }
        }

        // Over the weekend prices keep drifting at a small fraction of the weekday rate, so reopens gap.
        var weekendRate = weekendLevel * weekdaySum / weekdayCount;
        double total = 0;
        for (var minute = 0; minute < MinutesPerWeek; minute++)
        {
            if (IsWeekend(minute, weekendIsSaturdaySunday))
            {
                table[minute] = weekendRate;
            }

            total += table[minute];
        }

        var scale = MinutesPerWeek / total;
        for (var minute = 0; minute < MinutesPerWeek; minute++)
        {
            table[minute] *= scale;
        }

        return table;
    }

    private static bool IsWeekend(int minuteOfWeek, bool saturdaySunday) => saturdaySunday
        ? minuteOfWeek < 1440 || minuteOfWeek >= 6 * 1440
        : minuteOfWeek < WeekOpenMinute || minuteOfWeek >= WeekCloseMinute;

    // 0 outside the session, 1 inside, linear over ±Ramp minutes around each edge; sessions may wrap midnight.
    private static double Activity(double minuteOfDay, (double From, double To) session)
    {
        var to = session.To <= session.From ? session.To + 1440 : session.To;
        var best = 0.0;
        for (var shift = -1440.0; shift <= 1440.0; shift += 1440.0)
        {
            var t = minuteOfDay + shift;
            var rise = Math.Clamp((t - (session.From - Ramp)) / (2 * Ramp), 0, 1);
            var fall = Math.Clamp(((to + Ramp) - t) / (2 * Ramp), 0, 1);
            best = Math.Max(best, Math.Min(rise, fall));
        }

        return best;
    }
}
