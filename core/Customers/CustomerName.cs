using System.Text;

namespace VoiceAgent.Core.Customers;

/// <summary>
/// The comparable form of a customer's name: lower case, accents and punctuation dropped, single spaces. "José O'Neil"
/// and "jose oneil" (as speech recognition writes it) are the same key.
/// </summary>
public static class CustomerName
{
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetter(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsWhiteSpace(c) || c == '-')
            {
                if (key.Length > 0 && key[^1] != ' ')
                {
                    key.Append(' ');
                }
            }
        }

        return key.ToString().Trim();
    }
}
