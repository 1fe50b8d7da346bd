namespace Nightshift.Verification;

/// <summary>
/// The test suite before and after an attempt. Passed counts tests that passed in every run; totals
/// count every test reported in any run. Quarantined tests changed outcome between the baseline's
/// runs and are ignored by the verdict.
/// </summary>
public sealed record TestFigures(
    int PassedBefore,
    int TotalBefore,
    int PassedAfter,
    int TotalAfter,
    int RunsBefore,
    bool RanBefore,
    bool RanAfter,
    IReadOnlyList<string> Quarantined)
{
    /// <summary>"tests 140/140", "tests 138/140 (2 quarantined)" or "tests did not run", as of after the attempt.</summary>
    public override string ToString()
    {
        if (!RanAfter)
        {
            return "tests did not run";
        }

        var quarantined = Quarantined.Count > 0 ? $" ({Quarantined.Count} quarantined)" : "";
        return $"tests {PassedAfter}/{TotalAfter}{quarantined}";
    }
}
