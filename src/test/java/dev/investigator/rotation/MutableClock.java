package dev.investigator.rotation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A clock the test moves by hand, for simulating a day without sleeping. */
final class MutableClock extends Clock {

    private final ZoneId zone;
    private volatile Instant now;

    MutableClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    static MutableClock tokyo(String localDateTime) {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        return new MutableClock(LocalDateTime.parse(localDateTime).atZone(tokyo).toInstant(), tokyo);
    }

    /** Moves to a local date-time in the clock's zone (forwards or backwards). */
    MutableClock at(String localDateTime) {
        now = LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
        return this;
    }

    MutableClock advance(Duration d) {
        now = now.plus(d);
        return this;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new MutableClock(now, z);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
