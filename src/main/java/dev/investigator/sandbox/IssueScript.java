package dev.investigator.sandbox;

import java.time.Duration;

/**
 * One scripted Sentry issue of a service. Times are relative to the incident onset; event rates are per
 * minute before and after it.
 *
 * @param number         issue number within the project; the issue id is {@code projectId * 100000 + number}
 * @param shortIdSuffix  the part after the project slug, e.g. "1F3" in CHECKOUT-1F3
 * @param substatus      Sentry's current substatus: new, ongoing, regressed or escalating
 * @param firstRelease   the release that first saw it, or null
 */
record IssueScript(int number, String shortIdSuffix, String type, String value, String culprit, String level,
                   String filename, String function, Duration firstSeenFromOnset, double perMinuteBefore,
                   double perMinuteAfter, double usersPerEvent, String substatus, String firstRelease,
                   boolean unhandled) {

    String title() {
        return type + ": " + value;
    }
}
