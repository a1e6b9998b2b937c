package ng.risiti.launcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code ./risiti up [--detach] [--only a,b]}, {@code down}, {@code status}, {@code restart <name>},
 * {@code logs <name> [-n N] [-f]}.
 * {@code supervise} is internal: the background process {@code up} starts.
 */
public final class Risiti {

    static final String USAGE = """
            usage: ./risiti <command>
              up [--detach] [--only NAMES]   start the local stack (Ctrl-C stops it; --detach returns once healthy)
                                             NAMES: comma-separated from postgres,kafka,mail,nrs-sandbox,services,
                                             auth-service,customer-service,invoice-service,billing-service,
                                             nrs-gateway-service,webhook-service,gateway (default: everything)
                                             a component that dies is started again (backoff 1s, 2s, 4s ... 30s)
              down                           stop everything and check that nothing is left running
              status                         each component's pid, port, health and restarts
              restart <name>                 restart one component of the running stack, wait until it is healthy
                                             names: kafka, nrs-sandbox, postgres (embedded only), <service>
              logs <name> [-n N] [-f]        print the last N (200) lines of .risiti/logs/<name>.log; -f follows
                                             names: launcher (supervisor, gateway, mail), kafka, nrs-sandbox, <service>
              dead-letters [<service>...]    events consumers could never apply (exit 1 if there are any)
              dead-letters replay <service> <topic> <partition> <offset>
                                             run one dead letter through its consumer again (after the fix)
              outbox [<service>...]          events waiting to be published, and parked ones (exit 1 if any is parked)
              outbox retry <service> <event-id>
                                             publish a parked event (and its aggregate's later ones) again
              admin set-plan <email> <plan>  put the business of that user on a plan (free, starter, growth, enterprise)
            """;

    private Risiti() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("risiti: " + e.getMessage());
            System.err.print(USAGE);
            code = 2;
        } catch (RuntimeException e) {
            System.err.println("risiti: " + Supervisor.rootMessage(e));
            code = 1;
        }
        System.exit(code);
    }

    static int run(String[] args) {
        if (args.length == 0 || List.of("-h", "--help", "help").contains(args[0])) {
            System.out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        StackLayout layout = StackLayout.locate();
        return switch (args[0]) {
            case "up" -> {
                boolean detach = rest.remove("--detach") | rest.remove("-d");
                Set<String> only = only(rest);
                requireEmpty(rest);
                yield new Control(layout).up(detach, only);
            }
            case "supervise" -> {
                Set<String> only = only(rest);
                requireEmpty(rest);
                yield new Supervisor(layout, only).run();
            }
            case "down" -> {
                requireEmpty(rest);
                yield new Control(layout).down();
            }
            case "status" -> {
                requireEmpty(rest);
                yield new Control(layout).status();
            }
            case "restart" -> {
                if (rest.size() != 1) {
                    throw new IllegalArgumentException("restart needs exactly one name");
                }
                String name = rest.getFirst().equals("sandbox") ? Stack.SANDBOX : rest.getFirst();
                yield new Control(layout).restart(name);
            }
            case "logs" -> {
                boolean follow = rest.remove("-f") | rest.remove("--follow");
                int lines = 200;
                int n = rest.indexOf("-n");
                if (n >= 0) {
                    if (n + 1 >= rest.size()) {
                        throw new IllegalArgumentException("-n needs a number");
                    }
                    lines = Integer.parseInt(rest.remove(n + 1));
                    rest.remove(n);
                }
                if (rest.size() != 1) {
                    throw new IllegalArgumentException("logs needs exactly one name");
                }
                yield new Control(layout).logs(rest.getFirst(), lines, follow);
            }
            case "dead-letters" -> {
                if (!rest.isEmpty() && rest.getFirst().equals("replay")) {
                    if (rest.size() != 5) {
                        throw new IllegalArgumentException("dead-letters replay needs <service> <topic> <partition> <offset>");
                    }
                    yield new Operations().replay(rest.get(1), rest.get(2), rest.get(3), rest.get(4));
                }
                yield new Operations().deadLetters(rest);
            }
            case "outbox" -> {
                if (!rest.isEmpty() && rest.getFirst().equals("retry")) {
                    if (rest.size() != 3) {
                        throw new IllegalArgumentException("outbox retry needs <service> <event-id>");
                    }
                    yield new Operations().retry(rest.get(1), rest.get(2));
                }
                yield new Operations().outbox(rest);
            }
            case "admin" -> {
                if (rest.size() != 3 || !rest.getFirst().equals("set-plan")) {
                    throw new IllegalArgumentException("admin needs: set-plan <email> <plan>");
                }
                yield new Operations().setPlan(rest.get(1), rest.get(2));
            }
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        };
    }

    private static Set<String> only(List<String> rest) {
        int i = rest.indexOf("--only");
        if (i < 0) {
            return Set.of();
        }
        if (i + 1 >= rest.size()) {
            throw new IllegalArgumentException("--only needs a comma-separated list");
        }
        Set<String> names = new LinkedHashSet<>();
        for (String n : rest.get(i + 1).split(",")) {
            String name = n.trim();
            if (name.equals("sandbox")) {
                name = Stack.SANDBOX;
            }
            if (!name.isEmpty()) {
                if (!known(name)) {
                    throw new IllegalArgumentException("unknown component " + name);
                }
                names.add(name);
            }
        }
        rest.remove(i + 1);
        rest.remove(i);
        return names;
    }

    private static boolean known(String name) {
        return Stack.INFRA.contains(name) || Routes.SERVICES.contains(name) || name.equals("services") || name.equals("gateway");
    }

    private static void requireEmpty(List<String> rest) {
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException("unexpected arguments: " + String.join(" ", rest));
        }
    }
}
