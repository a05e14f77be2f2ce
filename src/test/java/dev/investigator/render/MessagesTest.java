package dev.investigator.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.investigator.model.MetricUnit;
import java.text.Format;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class MessagesTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private final Messages en = Messages.load(Language.EN);
    private final Messages ja = Messages.load(Language.JA);

    @Test
    void bothBundlesHaveTheSameKeys() {
        assertThat(ja.keys()).containsExactlyInAnyOrderElementsOf(en.keys());
        assertThat(en.keys()).hasSizeGreaterThan(150);
    }

    @Test
    void japaneseIsReallyJapanese() {
        assertThat(ja.get("verdict.INCIDENT")).isEqualTo("障害");
        assertThat(en.get("verdict.INCIDENT")).isEqualTo("Incident");
    }

    @Test
    void loadingIgnoresTheJvmDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.JAPAN);
            assertThat(Messages.load(Language.EN).get("verdict.HEALTHY")).isEqualTo("Healthy");
        } finally {
            Locale.setDefault(before);
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyTextIsAValidSafePattern(Language language) {
        Messages messages = Messages.load(language);
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        for (String key : messages.keys()) {
            String raw = bundle.getString(key);
            // A single apostrophe would silently vanish in MessageFormat: it must be doubled.
            assertThat(raw.replace("''", "")).as(key).doesNotContain("'");
            // Well-formed, and fully substituted: plural choices get numbers, everything else strings.
            Format[] formats = new MessageFormat(raw).getFormatsByArgumentIndex();
            for (long n = 0; n <= 2; n++) {
                Object[] args = new Object[8];
                for (int i = 0; i < args.length; i++) {
                    args[i] = i < formats.length && formats[i] != null ? (Object) n : "x" + i;
                }
                String text = messages.get(key, args);
                assertThat(text).as(key).doesNotContain("{").doesNotContain("}");
                // Our own texts go into mrkdwn unescaped, so they must not contain Slack's control characters.
                assertThat(text).as(key).doesNotContain("&").doesNotContain("<").doesNotContain(">");
            }
        }
    }

    @Test
    void pluralsPickTheRightForm() {
        assertThat(en.get("sentry.events", 1L, "1")).isEqualTo("1 event");
        assertThat(en.get("sentry.events", 0L, "0")).isEqualTo("0 events");
        assertThat(en.get("sentry.events", 1234L, "1,234")).isEqualTo("1,234 events");
        assertThat(en.get("sentry.headline", 0, "0")).isEqualTo("no issues");
        assertThat(ja.get("sentry.events", 1234L, "1,234")).isEqualTo("1,234 イベント");
    }

    @Test
    void unknownKeyFailsLoudly() {
        assertThatThrownBy(() -> en.get("no.such.key")).isInstanceOf(MissingResourceException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|0", "7|7", "1234|1,234", "1234567|1,234,567", "-1500|-1,500"})
    void counts(long n, String expected) {
        assertThat(en.count(n)).isEqualTo(expected);
        assertThat(ja.count(n)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "6.2|6.2%", "0.25|0.3%", "0|0.0%", "100|100.0%", "1234.56|1,234.6%"})
    void percents(double pct, String expected) {
        assertThat(en.percent(pct)).isEqualTo(expected);
    }

    @Test
    void sharesAndRates() {
        assertThat(en.share(0.83)).isEqualTo("83%");
        assertThat(en.share(0.004)).isEqualTo("under 1%");
        assertThat(ja.share(0.004)).isEqualTo("1%未満");
        assertThat(en.share(0)).isEqualTo("0%");
        assertThat(en.rate(0.097)).isEqualTo("9.7%");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|0 ms", "850|850 ms", "999.4|999 ms", "999.6|1.0 s", "1234|1.2 s", "59000|59.0 s", "90000|1.5 min"})
    void millis(double ms, String expected) {
        assertThat(en.millis(ms)).isEqualTo(expected);
    }

    @Test
    void millisInJapanese() {
        assertThat(ja.millis(850)).isEqualTo("850 ms");
        assertThat(ja.millis(1234)).isEqualTo("1.2秒");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "20.67|×21", "12|×12", "9.96|×10", "2.54|×2.5", "1|×1.0", "0.4|×0.4", "0.04|×0.0"})
    void ratios(double ratio, String expected) {
        assertThat(en.ratio(ratio)).isEqualTo(expected);
    }

    @Test
    void ratioFromZeroAndUnknown() {
        assertThat(en.ratio(Double.POSITIVE_INFINITY)).isEqualTo("new");
        assertThat(ja.ratio(Double.POSITIVE_INFINITY)).isEqualTo("新規");
        assertThat(en.ratio(Double.NaN)).isEqualTo("—");
    }

    @Test
    void valuesByUnit() {
        assertThat(en.value(12_450, MetricUnit.COUNT)).isEqualTo("12,450");
        assertThat(en.value(12.5, MetricUnit.COUNT)).isEqualTo("12.5");
        assertThat(en.value(6.2, MetricUnit.PERCENT)).isEqualTo("6.2%");
        assertThat(en.value(1840, MetricUnit.MILLISECONDS)).isEqualTo("1.8 s");
        assertThat(en.value(1536, MetricUnit.BYTES)).isEqualTo("1.5 KB");
        assertThat(en.value(512, MetricUnit.BYTES)).isEqualTo("512 B");
        assertThat(en.value(3.0 * 1024 * 1024 * 1024, MetricUnit.BYTES)).isEqualTo("3.0 GB");
        assertThat(en.value(0.123, MetricUnit.NUMBER)).isEqualTo("0.12");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PT45S|45 s|45秒", "PT30M|30 min|30分", "PT1H|1 h|1時間", "PT1H30M|1 h 30 min|1時間30分",
        "PT24H|1 d|1日", "PT50H|2 d 2 h|2日2時間"})
    void durations(String iso, String english, String japanese) {
        assertThat(en.duration(Duration.parse(iso))).isEqualTo(english);
        assertThat(ja.duration(Duration.parse(iso))).isEqualTo(japanese);
    }

    @Test
    void timesCarryTheZoneNameInEnglishOnly() {
        Instant at = Instant.parse("2026-11-20T05:03:00Z");
        assertThat(en.time(at, TOKYO)).isEqualTo("14:03 JST");
        assertThat(ja.time(at, TOKYO)).isEqualTo("14:03");
        assertThat(en.time(at, ZoneId.of("UTC"))).isEqualTo("05:03 UTC");
        assertThat(en.clock(at, TOKYO)).isEqualTo("14:03");
        assertThat(en.dateClock(at, TOKYO)).isEqualTo("11/20 14:03");
    }

    @Test
    void zoneNameFollowsDaylightSaving() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertThat(en.time(Instant.parse("2026-07-01T12:00:00Z"), berlin)).isEqualTo("14:00 CEST");
        assertThat(en.time(Instant.parse("2026-12-01T12:00:00Z"), berlin)).isEqualTo("13:00 CET");
    }

    @Test
    void windowsShowDatesOnlyWhenTheyCrossADay() {
        Instant from = Instant.parse("2026-11-20T05:00:00Z");
        assertThat(en.window(from, from.plus(Duration.ofMinutes(30)), TOKYO)).isEqualTo("14:00–14:30 JST");
        assertThat(ja.window(from, from.plus(Duration.ofMinutes(30)), TOKYO)).isEqualTo("14:00–14:30");
        Instant late = Instant.parse("2026-11-20T14:30:00Z"); // 23:30 JST
        assertThat(en.window(late, late.plus(Duration.ofHours(1)), TOKYO)).isEqualTo("11/20 23:30 – 11/21 00:30 JST");
        // Ending exactly at midnight is still one day: the end is exclusive.
        assertThat(en.window(late, late.plus(Duration.ofMinutes(30)), TOKYO)).isEqualTo("23:30–00:00 JST");
    }

    @Test
    void moreLines() {
        assertThat(en.more(37)).isEqualTo("…and 37 more");
        assertThat(ja.more(1234)).isEqualTo("…ほか 1,234 件");
    }
}
