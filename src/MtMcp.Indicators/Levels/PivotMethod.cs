namespace MtMcp.Indicators;

/// <summary>The pivot-point formulas of <see cref="PivotPoints"/>.</summary>
public enum PivotMethod
{
    /// <summary>Floor-trader pivots: pp = (H + L + C) / 3, r1 = 2pp − L, r2 = pp + (H − L), r3 = H + 2(pp − L), supports mirrored.</summary>
    Classic,

    /// <summary>pp = (H + L + C) / 3; levels at 0.382, 0.618 and 1.000 of the range from pp.</summary>
    Fibonacci,

    /// <summary>pp = (H + L + C) / 3; r/s n = C ± (H − L) · 1.1 / 12, 6, 4, 2 for n = 1..4.</summary>
    Camarilla,

    /// <summary>pp = (H + L + 2C) / 4, then the classic levels around it.</summary>
    Woodie,

    /// <summary>x = H + 2L + C (close below open), 2H + L + C (above), H + L + 2C (equal); pp = x / 4, r1 = x / 2 − L, s1 = x / 2 − H.</summary>
    DeMark,
}
