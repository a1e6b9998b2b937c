package ng.risiti.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What an image must agree with the Helm chart on, read from the chart itself so the two cannot drift: the image
 * name ({@code <image.registry>/<service>:<appVersion>}, what templates/deployment.yaml pulls), the service's port and
 * the JVM options the chart gives every service.
 */
record ChartDefaults(String registry, String appVersion, List<String> jvmOptions, JsonNode services) {

    static ChartDefaults read(Path chartDir) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try {
            JsonNode values = yaml.readTree(chartDir.resolve("values.yaml").toFile());
            JsonNode chart = yaml.readTree(chartDir.resolve("Chart.yaml").toFile());
            return new ChartDefaults(
                    values.path("image").path("registry").asText(),
                    chart.path("appVersion").asText(),
                    List.of(values.path("defaults").path("jvmOptions").asText().trim().split("\\s+")),
                    values.path("services"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Helm chart in " + chartDir, e);
        }
    }

    /** The image reference the chart's Deployment pulls for this service with its default values. */
    String imageName(String service) {
        return registry + "/" + service + ":" + appVersion;
    }

    int port(String service) {
        JsonNode port = services.path(service).path("port");
        if (!port.isInt()) {
            throw new IllegalArgumentException(service + ": no services." + service + ".port in the chart's values.yaml");
        }
        return port.asInt();
    }
}
