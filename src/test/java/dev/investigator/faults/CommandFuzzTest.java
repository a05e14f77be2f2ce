package dev.investigator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.investigator.config.AppConfig;
import dev.investigator.investigation.Command;
import dev.investigator.investigation.Investigator;
import dev.investigator.investigation.QueryParser;
import dev.investigator.investigation.UserFacingException;
import dev.investigator.model.InvestigationQuery;
import dev.investigator.model.Origin;
import dev.investigator.model.ServiceCatalog;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.TimeWindow;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Thousands of random and hostile command texts through the real {@link QueryParser} and the example catalog:
 * each is either a clean usage error (a {@link UserFacingException} naming its problem, with a short, printable
 * fragment to echo) or a valid query whose service is a catalog entry; nothing else is ever thrown. Then end to
 * end: commands that parse run through the real Investigator and the real vendor clients against recording fakes,
 * and every vendor request is exactly what the plain command would have sent: no user text gets through.
 *
 * <p>Inputs come from seeded generators; a failure names its seed and index and shows the input escaped.
 */
class CommandFuzzTest {

    private static final Instant NOW = Instant.parse("2026-11-20T05:30:00Z");
    private static final int PER_SEED = 1_500;
    /** Longest echo of user input in a usage error: 40 characters and an ellipsis. */
    private static final int MAX_FRAGMENT = 41;

    private final AppConfig config = ExampleCatalog.load(Map.of());
    private final ServiceCatalog catalog = config.catalog();
    private final QueryParser parser =
            new QueryParser(catalog, config.zone(), Clock.fixed(NOW, ZoneOffset.UTC), config.defaultWindow());

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void anyTextIsACleanUsageErrorOrAValidQuery(long seed) {
        HostileCommands texts = new HostileCommands(seed, catalog.namesAndAliases());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < PER_SEED; i++) {
            String raw = texts.hostile();
            String problem = check(raw);
            if (problem != null) {
                failures.add("seed " + seed + " #" + i + " " + escape(raw) + ": " + problem);
            }
        }
        assertThat(failures).as("inputs that broke the parser").isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12})
    void aCommandTypedAnyWayPeopleTypeItMeansThePlainCommand(long seed) {
        HostileCommands texts = new HostileCommands(seed, catalog.namesAndAliases());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < PER_SEED / 3; i++) {
            HostileCommands.Plain plain = texts.plain();
            String raw = texts.disguised(plain);
            Command expected = parser.parse(plain.text());
            try {
                Command actual = parser.parse(raw);
                if (!actual.equals(expected)) {
                    failures.add("seed " + seed + " #" + i + " " + escape(raw) + ": " + describe(actual) + " instead of " + describe(expected));
                }
            } catch (RuntimeException e) {
                failures.add("seed " + seed + " #" + i + " " + escape(raw) + ": " + e);
            }
        }
        assertThat(failures).as("disguised commands read differently").isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22})
    void aCommandWithAnInjectionNeverRuns(long seed) {
        HostileCommands texts = new HostileCommands(seed, catalog.namesAndAliases());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < PER_SEED / 3; i++) {
            String raw = texts.injected(texts.plain());
            String problem = check(raw);
            if (problem != null) {
                failures.add("seed " + seed + " #" + i + " " + escape(raw) + ": " + problem);
                continue;
            }
            try {
                Command parsed = parser.parse(raw);
                failures.add("seed " + seed + " #" + i + " " + escape(raw) + ": ran as " + describe(parsed));
            } catch (UserFacingException expected) {
                // a usage error, as it must be
            }
        }
        assertThat(failures).as("injections that became queries").isEmpty();
    }

    @Test
    void noUserTextReachesAnyVendorRequest() throws Exception {
        try (ThreeFakes vendors = new ThreeFakes(Clock.systemUTC(), FaultMatrixTest.RETRIES)) {
            Investigator investigator = vendors.investigator(Duration.ofSeconds(10), Duration.ofSeconds(11));
            Map<String, List<String>> plainRequests = new HashMap<>();
            HostileCommands texts = new HostileCommands(31, catalog.namesAndAliases());
            List<String> ran = new ArrayList<>();
            List<String> failures = new ArrayList<>();

            // Commands disguised every way people type them, and any hostile text that happens to parse.
            List<String> inputs = new ArrayList<>();
            List<String> plains = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                HostileCommands.Plain plain = texts.plain();
                inputs.add(texts.disguised(plain));
                plains.add(plain.text());
            }
            for (int i = 0; i < 3_000 && inputs.size() < 24; i++) {
                String raw = texts.hostile();
                if (parsesToInvestigation(raw)) {
                    inputs.add(raw);
                    plains.add(null);
                }
            }

            // Sentry's project ids are looked up once per source: look them all up first, so every run asks the same.
            for (String service : catalog.names()) {
                run(investigator, vendors, catalogQuery(service, TimeWindow.ending(NOW, Duration.ofMinutes(30))));
            }
            for (int i = 0; i < inputs.size(); i++) {
                String raw = inputs.get(i);
                Command.Investigate command = (Command.Investigate) parser.parse(raw);
                String key = command.service().name() + " " + command.window();
                if (plains.get(i) != null) {
                    assertThat(parser.parse(plains.get(i))).as(escape(raw)).isEqualTo(command);
                }
                // What the catalog alone says to send for this service and window.
                List<String> expected = plainRequests.computeIfAbsent(key,
                        k -> run(investigator, vendors, catalogQuery(command.service().name(), command.window())));
                List<String> actual = run(investigator, vendors,
                        new InvestigationQuery("inv-fuzz-" + i, command.service(), command.window(), Origin.SLASH_COMMAND));
                ran.add(escape(raw));
                if (!actual.equals(expected)) {
                    failures.add(escape(raw) + " sent\n  " + String.join("\n  ", actual) + "\ninstead of\n  " + String.join("\n  ", expected));
                }
                for (String request : actual) {
                    if (request.contains(HostileCommands.MARKER) || !request.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '\n')) {
                        failures.add(escape(raw) + " put user text or non-ASCII into " + escape(request));
                    }
                }
            }
            assertThat(ran).as("commands run end to end").hasSizeGreaterThan(16);
            assertThat(failures).isEmpty();
        }
    }

    /** Null when {@code raw} met the contract, else what went wrong. */
    private String check(String raw) {
        Command command;
        try {
            command = parser.parse(raw);
        } catch (UserFacingException e) {
            if (e.problem() == null) {
                return "usage error without a problem";
            }
            String fragment = e.fragment();
            if (fragment.length() > MAX_FRAGMENT) {
                return "echoes " + fragment.length() + " characters";
            }
            if (!printable(fragment)) {
                return "echoes unprintable text " + escape(fragment);
            }
            if (!catalog.names().containsAll(e.suggestions())) {
                return "suggests " + e.suggestions() + ", not all catalog names";
            }
            return null;
        } catch (RuntimeException e) {
            return "threw " + e;
        }
        if (command instanceof Command.Help) {
            return null;
        }
        Command.Investigate investigate = (Command.Investigate) command;
        ServiceDefinition service = investigate.service();
        if (catalog.find(service.name()).orElse(null) != service) {
            return "service " + service.name() + " is not the catalog's own entry";
        }
        TimeWindow window = investigate.window();
        Duration length = Duration.between(window.from(), window.to());
        if (window.to().isAfter(NOW) || length.compareTo(QueryParser.MIN_WINDOW) < 0 || length.compareTo(QueryParser.MAX_WINDOW) > 0) {
            return "window " + window + " out of bounds";
        }
        return null;
    }

    private boolean parsesToInvestigation(String raw) {
        try {
            return parser.parse(raw) instanceof Command.Investigate;
        } catch (UserFacingException e) {
            return false;
        }
    }

    private InvestigationQuery catalogQuery(String service, TimeWindow window) {
        return new InvestigationQuery("inv-plain", catalog.find(service).orElseThrow(), window, Origin.SLASH_COMMAND);
    }

    /** Runs one investigation and returns what the vendors were sent: method, path, query and body, sorted. */
    private static List<String> run(Investigator investigator, ThreeFakes vendors, InvestigationQuery query) {
        vendors.reset();
        try {
            investigator.investigate(query).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("investigation of " + query.service().name() + " did not complete", e);
        }
        return vendors.hits().stream().map(CommandFuzzTest::sent).sorted().toList();
    }

    /** A request as the vendor reads it, URL-decoded, headers left out (they carry only credentials and dates). */
    private static String sent(RecordingServer.Hit hit) {
        Map<String, List<String>> params = new TreeMap<>();
        for (int i = 0; i < hit.url().querySize(); i++) {
            params.computeIfAbsent(hit.url().queryParameterName(i), k -> new ArrayList<>()).add(hit.url().queryParameterValue(i));
        }
        String path = URLDecoder.decode(hit.url().encodedPath(), StandardCharsets.UTF_8);
        return hit.method() + " " + path + " " + params + " " + hit.body().replace("\n", " ");
    }

    private static boolean printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Command command) {
        return command instanceof Command.Investigate i ? i.service().name() + " " + i.window() : command.toString();
    }

    /** The input as a Java string literal would show it, cut at 120 characters. */
    static String escape(String raw) {
        String shown = raw.length() > 120 ? raw.substring(0, 120) : raw;
        String escaped = shown.chars().mapToObj(c -> c >= 0x20 && c < 0x7f && c != '\\' && c != '"'
                ? String.valueOf((char) c) : String.format("\\u%04x", c)).collect(Collectors.joining());
        return "\"" + escaped + "\"" + (raw.length() > 120 ? "…(" + raw.length() + " chars)" : "");
    }
}
