using CallCluster.Actors.Registration;
using static CallCluster.Actors.Registration.RegistrationCommands;

namespace CallCluster.Actors.Tests.Registration;

public sealed class RegistrationRulesTests
{
    private const string Aor = "alice@home.example";
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly RegistrationPolicy Policy = RegistrationPolicy.Default;

    private static RegistrationState Accept(RegistrationState state, Register command, DateTimeOffset? now = null)
    {
        var outcome = RegistrationRules.Decide(state, command, now ?? T0, Policy);
        Assert.Null(outcome.Rejection);
        return outcome.State!;
    }

    private static Register Reg(string callId, long cseq, params ContactRequest[] contacts) => new(Aor, callId, cseq, contacts);

    [Fact]
    public void Several_contacts_with_their_own_expires_and_q_sorted_by_q()
    {
        var state = Accept(RegistrationState.Empty, Reg("c1", 1,
            new ContactRequest("sip:alice@10.0.0.1", 600, 0.3),
            new ContactRequest("sip:alice@10.0.0.2", null, 0.9)) with { Expires = 1200 });

        Assert.Equal(["sip:alice@10.0.0.2", "sip:alice@10.0.0.1"], state.Contacts.Select(c => c.Uri));
        Assert.Equal(1200, state.Contacts[0].SecondsLeft(T0));
        Assert.Equal(600, state.Contacts[1].SecondsLeft(T0));
        Assert.Equal(T0.AddSeconds(600), state.NextExpiry);
    }

    [Fact]
    public void Missing_expires_uses_the_default_and_q_defaults_to_one()
    {
        var state = Accept(RegistrationState.Empty, Reg("c1", 1, new ContactRequest("sip:alice@10.0.0.1")));
        var binding = Assert.Single(state.Contacts);
        Assert.Equal(Policy.DefaultExpires, binding.SecondsLeft(T0));
        Assert.Equal(1.0, binding.Q);
    }

    [Fact]
    public void Expires_above_the_maximum_is_shortened()
    {
        var state = Accept(RegistrationState.Empty, Reg("c1", 1, new ContactRequest("sip:a@h", Policy.MaxExpires * 2)));
        Assert.Equal(Policy.MaxExpires, state.Contacts[0].SecondsLeft(T0));
    }

    [Fact]
    public void Expires_below_the_minimum_is_423_with_min_expires()
    {
        var outcome = RegistrationRules.Decide(RegistrationState.Empty, Reg("c1", 1, new ContactRequest("sip:a@h", 5)), T0, Policy);
        Assert.Equal(423, outcome.Rejection!.StatusCode);
        Assert.Equal(Policy.MinExpires, outcome.Rejection.MinExpires);
    }

    [Fact]
    public void Query_without_contacts_returns_current_bindings_unchanged()
    {
        var state = Accept(RegistrationState.Empty, Reg("c1", 1, new ContactRequest("sip:a@h", 600)));
        var queried = Accept(state, Reg("other", 1));
        Assert.True(queried.SameAs(state));
    }

    [Fact]
    public void Same_call_id_with_higher_cseq_refreshes()
    {
        var state = Accept(RegistrationState.Empty, Reg("c1", 1, new ContactRequest("sip:a@h", 600)));
        var refreshed = Accept(state, Reg("c1", 2, new ContactRequest("sip:a@h", 900)), T0.AddSeconds(100));
        Assert.Equal(T0.AddSeconds(1000), Assert.Single(refreshed.Contacts).ExpiresAt);
        Assert.Equal(2, refreshed.Contacts[0].CSeq);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void Same_call_id_with_equal_or_lower_cseq_fails(long cseq)
    {
        var state = Accept(RegistrationState.Empty, Reg("c1", 1, new ContactRequest("sip:a@h", 600)));
        var outcome = RegistrationRules.Decide(state, Reg("c1", cseq, new ContactRequest("sip:a@h", 900)), T0, Policy);
        Assert.Equal(500, outcome.Rejection!.StatusCode);
    }

    [Fact]
    public void Different_call_id_updates_whatever_its_cseq()
    {
        var state = Accept(RegistrationState.Empty, Reg("c1", 50, new ContactRequest("sip:a@h", 600)));
        var updated = Accept(state, Reg("c2", 1, new ContactRequest("sip:a@h", 700)));
        Assert.Equal("c2", Assert.Single(updated.Contacts).CallId);
    }

    [Fact]
    public void Expires_zero_removes_one_contact()
    {
        var state = Accept(RegistrationState.Empty, Reg("c1", 1, new ContactRequest("sip:a@h1", 600), new ContactRequest("sip:a@h2", 600)));
        var after = Accept(state, Reg("c1", 2, new ContactRequest("SIP:A@H1", 0)));
        Assert.Equal("sip:a@h2", Assert.Single(after.Contacts).Uri);
    }

    [Fact]
    public void Wildcard_with_expires_zero_removes_all()
    {
        var state = Accept(RegistrationState.Empty, Reg("c1", 1, new ContactRequest("sip:a@h1", 600), new ContactRequest("sip:a@h2", 600)));
        var after = Accept(state, new Register(Aor, "c9", 1, [], Wildcard: true, Expires: 0));
        Assert.True(after.IsEmpty);
    }

    [Fact]
    public void Wildcard_from_the_same_call_id_needs_a_higher_cseq()
    {
        var state = Accept(RegistrationState.Empty, Reg("c1", 5, new ContactRequest("sip:a@h1", 600)));
        Assert.Equal(500, RegistrationRules.Decide(state, new Register(Aor, "c1", 5, [], true, 0), T0, Policy).Rejection!.StatusCode);
        Assert.True(Accept(state, new Register(Aor, "c1", 6, [], true, 0)).IsEmpty);
    }

    [Theory]
    [InlineData(3600, false)]
    [InlineData(null, false)]
    [InlineData(0, true)]
    public void Wildcard_needs_expires_zero_and_no_other_contact(int? expires, bool withContact)
    {
        var contacts = withContact ? new[] { new ContactRequest("sip:a@h") } : [];
        var outcome = RegistrationRules.Decide(RegistrationState.Empty, new Register(Aor, "c1", 1, contacts, true, expires), T0, Policy);
        Assert.Equal(400, outcome.Rejection!.StatusCode);
    }

    [Fact]
    public void Expired_bindings_are_pruned_before_processing()
    {
        var state = Accept(RegistrationState.Empty, Reg("c1", 1, new ContactRequest("sip:a@h1", 60), new ContactRequest("sip:a@h2", 600)));
        var later = Accept(state, Reg("c2", 1), T0.AddSeconds(61));
        Assert.Equal("sip:a@h2", Assert.Single(later.Contacts).Uri);
    }

    [Fact]
    public void Too_many_contacts_and_bad_values_are_rejected()
    {
        var many = Enumerable.Range(0, Policy.MaxContacts + 1).Select(i => new ContactRequest($"sip:a@h{i}", 600)).ToArray();
        Assert.Equal(403, RegistrationRules.Decide(RegistrationState.Empty, Reg("c1", 1, many), T0, Policy).Rejection!.StatusCode);
        Assert.Equal(400, RegistrationRules.Decide(RegistrationState.Empty, Reg("c1", 1, new ContactRequest("sip:a@h", 600, 1.5)), T0, Policy).Rejection!.StatusCode);
        Assert.Equal(400, RegistrationRules.Decide(RegistrationState.Empty, Reg("c1", 1, new ContactRequest("", 600)), T0, Policy).Rejection!.StatusCode);
        Assert.Equal(400, RegistrationRules.Decide(RegistrationState.Empty, Reg("", 1, new ContactRequest("sip:a@h", 600)), T0, Policy).Rejection!.StatusCode);
        Assert.Equal(400, RegistrationRules.Decide(RegistrationState.Empty, Reg("c1", 1, new ContactRequest("sip:a@h", -1)), T0, Policy).Rejection!.StatusCode);
    }

    [Fact]
    public void Missing_contact_list_is_a_query_not_a_crash()
    {
        var state = Accept(RegistrationState.Empty, Reg("c1", 1, new ContactRequest("sip:a@h", 600)));
        var outcome = RegistrationRules.Decide(state, new Register(Aor, "c2", 1, null!), T0, Policy);
        Assert.True(outcome.State!.SameAs(state));
    }
}
