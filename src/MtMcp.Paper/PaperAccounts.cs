using System.Text.RegularExpressions;

namespace MtMcp.Paper;

/// <summary>Rules and defaults for paper account names and settings.</summary>
public static partial class PaperAccounts
{
    /// <summary>Name of the account served when none is configured.</summary>
    public const string DefaultName = "demo";

    /// <summary>The default account's deposit.</summary>
    public const decimal DefaultDeposit = 10_000m;

    /// <summary>The default account: USD, 1:100, hedging, paper (shown as DEMO), stop-out at 50 %.</summary>
    public static AccountSettings DefaultSettings(ulong login = 1) => new()
    {
        Info = new AccountInfo
        {
            Login = login,
            Server = "MtMcp-Paper",
            Name = DefaultName,
            Company = "MtMcp paper venue",
            Currency = "USD",
            CurrencyDigits = CurrencyDigits.For("USD"),
            Leverage = 100,
            TradeMode = AccountTradeMode.Demo,
            MarginMode = AccountMarginMode.RetailHedging,
        },
    };

    /// <summary>Checks an account name: 1 to 32 letters, digits, '-' or '_'.</summary>
    /// <exception cref="ArgumentException">The name breaks the rule.</exception>
    public static void CheckName(string name)
    {
        if (name is null || !NamePattern().IsMatch(name))
        {
            throw new ArgumentException($"Account name '{name}' is not allowed: use 1 to 32 letters, digits, '-' or '_'.", nameof(name));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex NamePattern();
}
