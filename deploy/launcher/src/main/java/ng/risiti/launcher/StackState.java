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
                  List<Component> components) {

    static final String STARTING = "starting";
    static final String READY = "ready";
    static final String FAILED = "failed";
    static final String STOPPING = "stopping";

    /**
     * @param health "http:<url>" or "tcp:<host>:<port>"
     * @param pid    0 when it runs inside the supervisor (gateway, mail) or is not ours (an external PostgreSQL)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Component(String name, String url, int port, long pid, String health, String detail) {
    }

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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
