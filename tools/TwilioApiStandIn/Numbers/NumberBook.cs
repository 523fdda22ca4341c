using System.Collections.Concurrent;

namespace VoiceAgent.TwilioApiStandIn.Numbers;

/// <summary>
/// The account's phone numbers, seeded at start (<see cref="TwilioStandInOptions.PhoneNumbers"/>) and changed only by an
/// IncomingPhoneNumber update, as a Twilio account's numbers are bought elsewhere and configured through the API.
/// </summary>
internal sealed class NumberBook
{
    private readonly ConcurrentDictionary<string, OwnedNumber> _bySid = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Lock _gate = new();

    public NumberBook(IEnumerable<string> numbers, DateTimeOffset now)
    {
        foreach (var number in numbers.Distinct(StringComparer.Ordinal))
        {
            var owned = new OwnedNumber { Sid = Sids.New("PN"), PhoneNumber = number, DateCreated = now, DateUpdated = now };
            _bySid[owned.Sid] = owned;
            _order.Add(owned.Sid);
        }
    }

    /// <summary>Every number, in the order they were seeded, as each stands now.</summary>
    public IReadOnlyList<OwnedNumber> Numbers
    {
        get
        {
            lock (_gate)
            {
                return _order.Select(sid => _bySid[sid]).ToList();
            }
        }
    }

    public OwnedNumber? Find(string sid) => _bySid.TryGetValue(sid, out var number) ? number : null;

    /// <summary>Applies <paramref name="change"/> to the number <paramref name="sid"/>; null when the account has no such number.</summary>
    public OwnedNumber? Update(string sid, Func<OwnedNumber, OwnedNumber> change)
    {
        lock (_gate)
        {
            if (!_bySid.TryGetValue(sid, out var current))
            {
                return null;
            }

            var changed = change(current);
            _bySid[sid] = changed;
            return changed;
        }
    }
}
