package dev.investigator.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.investigator.config.SlackSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T05:00:00Z"), ZoneOffset.UTC);

    @Test
    void withNothingConfiguredEveryoneMayEverywhere() {
        AccessPolicy policy = new AccessPolicy(new SlackSettings(SlackSettings.DEFAULT_API_URL, List.of(), List.of(), 4),
                g -> {
                    throw new AssertionError("no group lookup expected");
                }, clock);
        assertThat(policy.check("C123", "U1")).isEqualTo(AccessPolicy.Decision.ALLOWED);
    }

    @Test
    void channelsAndGroupsAreEnforcedAndMembershipIsReadOncePerTtl() {
        AtomicInteger lookups = new AtomicInteger();
        AccessPolicy policy = new AccessPolicy(new SlackSettings(SlackSettings.DEFAULT_API_URL,
                List.of("C0SRE00001"), List.of("S0ONCALL01"), 4), g -> {
                    lookups.incrementAndGet();
                    return List.of("U1", "U2");
                }, clock);
        assertThat(policy.check("C0OTHER001", "U1")).isEqualTo(AccessPolicy.Decision.CHANNEL_NOT_ALLOWED);
        assertThat(policy.check("C0SRE00001", "U9")).isEqualTo(AccessPolicy.Decision.USER_NOT_ALLOWED);
        assertThat(policy.check("C0SRE00001", "U2")).isEqualTo(AccessPolicy.Decision.ALLOWED);
        assertThat(lookups).hasValue(1);
    }

    @Test
    void aFailedMembershipLookupKeepsTheLastKnownMembers() {
        AtomicInteger calls = new AtomicInteger();
        MutableClock clock = new MutableClock();
        AccessPolicy policy = new AccessPolicy(new SlackSettings(SlackSettings.DEFAULT_API_URL, List.of(), List.of("S0ONCALL01"), 4), g -> {
            if (calls.incrementAndGet() > 1) {
                throw new SlackDeliveryException("usergroups.users.list", "ratelimited", null);
            }
            return List.of("U1");
        }, clock);
        assertThat(policy.check("C1", "U1")).isEqualTo(AccessPolicy.Decision.ALLOWED);
        clock.advanceMinutes(10);
        assertThat(policy.check("C1", "U1")).isEqualTo(AccessPolicy.Decision.ALLOWED);
        assertThat(calls).hasValue(2);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-20T05:00:00Z");

        void advanceMinutes(int m) {
            now = now.plusSeconds(60L * m);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
