package ng.risiti.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/asyncapi.yaml, read by the reference AsyncAPI parser (npm {@code @asyncapi/parser}, see {@link DocsTools}): no
 * error, and every public topic and event type the code declares (platform {@code Topics}, {@code EventTypes}) is in it.
 */
class EventCatalogueTests {

    private static final Path ROOT = DocsTools.ROOT;
    private static final Path EVENTS = ROOT.resolve("platform/src/main/java/ng/risiti/platform/events");

    @Test
    void theReferenceParserFindsNoErrorAndEveryTopicAndEventTypeIsCatalogued() throws Exception {
        DocsTools.install();
        DocsTools.Result result = DocsTools.run(DocsTools.TOOLS,
                List.of("node", "validate-asyncapi.mjs", ROOT.resolve("docs/asyncapi.yaml").toString()), 120);

        ObjectMapper json = new ObjectMapper();
        List<String> errors = new ArrayList<>();
        JsonNode catalogue = null;
        for (String line : result.output().lines().toList()) {
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode node = json.readTree(line);
            if ("error".equals(node.path("severity").asText())) {
                errors.add(line);
            } else if (node.has("channels")) {
                catalogue = node;
            }
        }
        assertThat(errors).as(result.output()).isEmpty();
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(catalogue).as(result.output()).isNotNull();

        Set<String> channels = new TreeSet<>();
        catalogue.path("channels").forEach(c -> channels.add(c.asText()));
        Set<String> messages = new TreeSet<>();
        catalogue.path("messages").forEach(m -> messages.add(m.asText()));
        assertThat(channels).as("channels of docs/asyncapi.yaml").containsAll(constants(EVENTS.resolve("Topics.java"), "risiti\\."));
        assertThat(messages).as("messages of docs/asyncapi.yaml").containsAll(constants(EVENTS.resolve("EventTypes.java"), "[a-z_]+\\."));
    }

    /** The string constants of a Java source file whose value starts with {@code prefix} (a regex). */
    private static Set<String> constants(Path source, String prefix) throws IOException {
        Matcher matcher = Pattern.compile("static final String \\w+ = \"(" + prefix + "[^\"]+)\"").matcher(Files.readString(source));
        Set<String> found = new TreeSet<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        assertThat(found).as("constants in " + source).isNotEmpty();
        return found;
    }
}
