namespace Calendar;

public static class Dates
{
    /// <summary>
    /// Whether <paramref name="year"/> is a leap year of the Gregorian calendar: divisible by 4, except
    /// century years, which are leap years only when divisible by 400 (2000 was one, 1900 was not).
    /// </summary>
    public static bool IsLeapYear(int year) => year % 4 == 0;

    /// <summary>The number of days in a month (1 to 12) of a year.</summary>
    public static int DaysInMonth(int year, int month) => month switch
    {
        2 => IsLeapYear(year) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        >= 1 and <= 12 => 31,
        _ => throw new ArgumentOutOfRangeException(nameof(month), month, "A month is 1 to 12."),
    };

    /// <summary>The number of days in a year.</summary>
    public static int DaysInYear(int year) => IsLeapYear(year) ? 366 : 365;
}
