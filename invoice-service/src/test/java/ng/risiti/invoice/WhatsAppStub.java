package ng.risiti.invoice;

import com.sun.net.httpserver.HttpServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ng.risiti.testsupport.OutsideWorldStub;

/**
 * WhatsApp's Cloud API as invoice-service calls it ({@code POST /{version}/{phone-number-id}/messages}, bearer token),
 * answering as Meta does: the recipient and a wamid, or Meta's error envelope. Test-mode sends arrive under
 * {@code /test-world}. Every call is recorded ({@link #calls}), accepted or not; {@link #failFor} makes the calls for
 * one number answer an error until cleared, {@link #delay} slows every answer.
 */
public class WhatsAppStub extends OutsideWorldStub {

    public static final String TOKEN = "test-whatsapp-token";
    public static final String PHONE_NUMBER_ID = "109876543210987";
    private static final String PREFIX = "risiti.test.whatsapp-stub.";
    private static final Pattern PATH = Pattern.compile("(/test-world)?/(v[0-9.]+)/([0-9]+)/messages");
    private static final List<String> FIELDS = List.of("world", "version", "phone_number_id", "authorization", "body", "status");
    private static final Pattern TO = Pattern.compile("\"to\"\\s*:\\s*\"([0-9]+)\"");

    /** One call the stub received: {@code world} (live/test), {@code version}, {@code phone_number_id}, {@code authorization}, {@code body}, {@code status}. */
    public static List<Map<String, String>> calls(String e164) {
        return callsTo(digits(e164));
    }

    /** The bodies of the messages accepted for this number, oldest first. */
    public static List<String> accepted(String e164) {
        return calls(e164).stream().filter(call -> call.get("status").equals("200")).map(call -> call.get("body")).toList();
    }

    /** Calls for this number answer {@code status} with Meta's error body from now on; null accepts them again. */
    public static void failFor(String e164, Integer status) {
        if (status == null) {
            System.clearProperty(PREFIX + "fail." + digits(e164));
        } else {
            System.setProperty(PREFIX + "fail." + digits(e164), status.toString());
        }
    }

    /** Each answer waits this long, so dispatchers overlap. */
    public static void delay(long millis) {
        System.setProperty(PREFIX + "delay-ms", Long.toString(millis));
    }

    private static List<Map<String, String>> callsTo(String digits) {
        String recorded = System.getProperty(PREFIX + "calls." + digits, "");
        return recorded.lines().map(line -> {
            String[] fields = line.split("\t", -1);
            Map<String, String> call = new LinkedHashMap<>();
            for (int i = 0; i < FIELDS.size(); i++) {
                call.put(FIELDS.get(i), fields[i]);
            }
            return call;
        }).toList();
    }

    /** One line per call, tab-separated (a JSON body holds neither tabs nor line breaks unescaped): system properties are strings. */
    private static void record(String digits, String... fields) {
        synchronized (System.getProperties()) {
            String key = PREFIX + "calls." + digits;
            System.setProperty(key, System.getProperty(key, "") + String.join("\t", fields) + "\n");
        }
    }

    private static String digits(String e164) {
        return e164.replaceAll("[^0-9]", "");
    }

    @Override
    protected Map<String, String> config(String url) {
        return Map.of("risiti.whatsapp.url", url, "risiti.whatsapp.test-url", url + "/test-world", "risiti.whatsapp.token", TOKEN,
                "risiti.whatsapp.phone-number-id", PHONE_NUMBER_ID);
    }

    @Override
    protected void routes(HttpServer server) {
        server.createContext("/", exchange -> {
            String body = body(exchange);
            Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
            Matcher to = TO.matcher(body);
            if (!exchange.getRequestMethod().equals("POST") || !path.matches() || !to.find()) {
                answer(exchange, 400, error(100, "Invalid parameter"));
                return;
            }
            long delay = Long.getLong(PREFIX + "delay-ms", 0);
            if (delay > 0) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String failure = System.getProperty(PREFIX + "fail." + to.group(1));
            int status = !("Bearer " + TOKEN).equals(authorization) ? 401 : failure != null ? Integer.parseInt(failure) : 200;
            record(to.group(1), path.group(1) == null ? "live" : "test", path.group(2), path.group(3), String.valueOf(authorization),
                    body.replaceAll("[\t\n\r]", " "), Integer.toString(status));
            switch (status) {
                case 200 -> answer(exchange, 200, """
                        {"messaging_product":"whatsapp","contacts":[{"input":"%s","wa_id":"%s"}],
                         "messages":[{"id":"wamid.%s","message_status":"accepted"}]}"""
                        .formatted(to.group(1), to.group(1), UUID.randomUUID().toString().replace("-", "").toUpperCase()));
                case 401 -> answer(exchange, 401, error(190, "Invalid OAuth access token"));
                case 400 -> answer(exchange, 400, error(131009, "Parameter value is not valid"));
                default -> answer(exchange, status, error(131000, "Something went wrong"));
            }
        });
    }

    private static String error(int code, String message) {
        return "{\"error\":{\"message\":\"(#" + code + ") " + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                + ",\"fbtrace_id\":\"A" + UUID.randomUUID().toString().substring(0, 8) + "\"}}";
    }
}
