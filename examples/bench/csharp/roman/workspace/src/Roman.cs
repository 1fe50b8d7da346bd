using System.Text;

namespace Numerals;

public static class Roman
{
    private static readonly (int Value, string Symbol)[] _symbols =
    [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ];

    /// <summary>A number from 1 to 3999 in Roman numerals, with subtractive pairs: 1994 is MCMXCIV.</summary>
    public static string ToRoman(int number)
    {
        if (number is < 1 or > 3999)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "Roman numerals go from 1 to 3999.");
        }

        var roman = new StringBuilder();
        foreach (var (value, symbol) in _symbols)
        {
            while (number >= value)
            {
                roman.Append(symbol);
                number -= value;
            }
        }

        return roman.ToString();
    }
}
