namespace MtMcp.Risk.Tests;

/// <summary>
/// The gate as a risk monitor (<see cref="IRiskMonitor"/>): the equity peak on every quote, warnings at 80 % and
/// breaches of the loss limits, the repeated-execution breaker's event, and the state a host stores and restores.
/// </summary>
public sealed class LossLimitMonitorTests
{
    [Fact]
    public void OnQuote_PeakBetweenCommits_DrawdownCountsFromIt_WarningThenBreach()
    {
        var h = new Harness(Limits());
        var events = new List<RiskBreachEventArgs>();
        h.Gate.Breached += (_, e) => events.Add(e);
        h.Open("EURUSD", OrderType.Buy, 1m); // at 1.2: 1 pip = 10 USD

        Assert.True(Tick(h, 1.21)); // equity 11,000: a new peak, due to be stored
        Assert.Equal(11_000, h.Gate.Status(h.Account).Peak, 6);
        Assert.False(Tick(h, 1.2090)); // 10,900: 0.91 %, nothing to do
        Assert.Empty(events);

        Tick(h, 1.2045); // 10,450: 550 / 11,000 = 5 %, at the limit: a warning, not a breach
        var warning = Assert.Single(events);
        Assert.Equal((RiskChecks.MaxDrawdown, true, false), (warning.Check, warning.Warning, warning.Flatten));
        Assert.Equal(5, warning.Value, 6);
        Assert.False(h.Gate.Status(h.Account).DrawdownBlocked);

        Tick(h, 1.2044); // 10,440: 560 / 11,000 = 5.09 %
        Assert.Equal(2, events.Count);
        Assert.Equal((RiskChecks.MaxDrawdown, false, true), (events[1].Check, events[1].Warning, events[1].Flatten));
        Assert.Equal(560.0 / 11_000 * 100, events[1].Value, 6);
        Assert.Equal(RiskChecks.MaxDrawdown, h.Evaluate(Harness.Buy(0.01m)).Check);
    }

    [Fact]
    public void OnQuote_BelowThePeakFarFromTheLimits_AllocatesNothing()
    {
        var h = new Harness(Limits() with { MaxDailyLossPercent = 5 });
        h.Open("EURUSD", OrderType.Buy, 1m);
        Tick(h, 1.21);
        Tick(h, 1.2090); // 0.91 % below the peak: the fast path

        var before = GC.GetAllocatedBytesForCurrentThread();
        var due = false;
        for (var i = 0; i < 10_000; i++)
        {
            due |= h.Gate.OnQuote(h.Account);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.False(due);
    }

    [Fact]
    public void OnQuote_DailyLossAt80Percent_WarnsOnceADay()
    {
        var h = new Harness(Limits() with { MaxDrawdownPercent = 0, MaxDailyLossPercent = 5 });
        var events = new List<RiskBreachEventArgs>();
        h.Gate.Breached += (_, e) => events.Add(e);
        h.Open("EURUSD", OrderType.Buy, 1m);
        h.Gate.OnQuote(h.Account); // the day starts at 10,000

        Tick(h, 1.1959); // 9,590: 4.1 % of the 5 % limit = 82 %
        Tick(h, 1.1960);
        Tick(h, 1.1958);

        var warning = Assert.Single(events);
        Assert.Equal((RiskChecks.DailyLossLimit, true), (warning.Check, warning.Warning));
        Assert.Equal(4.1, warning.Value, 6);
    }

    [Fact]
    public void TakeState_RestoredIntoANewGate_KeepsThePeakAndTheBreach()
    {
        var h = new Harness(Limits());
        h.Open("EURUSD", OrderType.Buy, 1m);
        Tick(h, 1.21);
        Tick(h, 1.2040); // 10,400: 5.45 % below 11,000: breached
        var state = h.Gate.TakeState(h.Account);
        Assert.NotNull(state);
        Assert.Null(h.Gate.TakeState(h.Account)); // nothing new since

        var restarted = new PreTradeGate(RiskConfiguration.Create(Limits()));
        restarted.RestoreState(h.Account, state);

        var status = restarted.Status(h.Account);
        Assert.Equal((11_000.0, true), (Math.Round(status.Peak, 6), status.DrawdownBlocked));
        Assert.Equal(RiskChecks.MaxDrawdown, restarted.Evaluate(h.Account, Harness.Buy(0.01m), Harness.Agent).Check);
    }

    [Fact]
    public void TakeState_PeakRisingLessThanOneBasisPoint_IsNotDue()
    {
        var h = new Harness(Limits());
        h.Open("EURUSD", OrderType.Buy, 1m);
        Assert.True(Tick(h, 1.21)); // 11,000
        Assert.NotNull(h.Gate.TakeState(h.Account));

        Assert.False(Tick(h, 1.2100 + 0.00001)); // 11,001: +0.9 bp
        Assert.Null(h.Gate.TakeState(h.Account));
        Assert.True(Tick(h, 1.2100 + 0.00002)); // 11,002: +1.8 bp
        Assert.NotNull(h.Gate.TakeState(h.Account));
    }

    [Fact]
    public void RestoreState_NotAStateOfTheGate_ThrowsNamingTheAccount()
    {
        var h = new Harness(Limits());

        var ex = Assert.Throws<ArgumentException>(() => h.Gate.RestoreState(h.Account, "{\"peak\":1}"));

        Assert.Contains("account acc", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_RepeatedExecutionTrip_RaisesAnEventNamingTheActor()
    {
        var h = new Harness(Harness.Open() with { RepeatedExecutionCount = 2, RepeatedExecutionWindowSeconds = 10 });
        var events = new List<RiskBreachEventArgs>();
        h.Gate.Breached += (_, e) => events.Add(e);

        h.Evaluate(Harness.Buy(0.1m));
        Assert.Empty(events);
        h.Evaluate(Harness.Buy(0.1m));

        var trip = Assert.Single(events);
        Assert.Equal((RiskChecks.RepeatedExecution, "agent-1", 2.0, 2.0, false), (trip.Check, trip.Actor, trip.Value, trip.Limit, trip.Flatten));
    }

    private static RiskLimits Limits() => Harness.Open() with { MaxDrawdownPercent = 5, FlattenOnBreach = true };

    /// <summary>A quote the account and the monitor see, with no step committed (no fill, no order): what happens between orders.</summary>
    private static bool Tick(Harness h, double price)
    {
        h.Board.Update(h.Id("EURUSD"), price, price, h.Now);
        h.Account.OnQuote(h.Id("EURUSD"));
        h.Account.Changes.Clear();
        return h.Gate.OnQuote(h.Account);
    }
}
