package ng.risiti.launcher;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code .risiti/state.json}: what the supervisor runs; written by {@link StateFile}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StackState(String status,
                  @JsonProperty("supervisor_pid") long supervisorPid,
                  @JsonProperty("started_at") String startedAt,
                  @JsonProperty("ready_after_ms") Long readyAfterMs,
                  String message,
                  /* where ./risiti restart asks the supervisor (127.0.0.1), and the token it must send */
                  @JsonProperty("control_port") Integer controlPort,
                  @JsonProperty("control_token") String controlToken,
                  List<Component> components) {

    static final String STARTING = "starting";
    static final String READY = "ready";
    static final String FAILED = "failed";
    static final String STOPPING = "stopping";

    /**
     * @param health   "http:<url>" or "tcp:<host>:<port>"
     * @param pid      0 when it runs inside the supervisor (gateway, mail) or is not ours (an external PostgreSQL)
     * @param restarts how often the supervisor started it again since {@code up}, automatically or by hand
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Component(String name, String url, int port, long pid, String health, String detail,
                     int restarts,
                     @JsonProperty("last_restart_at") String lastRestartAt,
                     @JsonProperty("last_restart_reason") String lastRestartReason) {

        Component(String name, String url, int port, long pid, String health, String detail) {
            this(name, url, port, pid, health, detail, 0, null, null);
        }

        Component withRestarts(int count, String at, String reason) {
            return new Component(name, url, port, pid, health, detail, count, at, reason);
        }
    }

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    Optional<Component> component(String name) {
        return components.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    static Optional<StackState> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), StackState.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
