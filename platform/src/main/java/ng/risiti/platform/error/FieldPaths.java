package ng.risiti.platform.error;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Turns validation and JSON-binding failures into seed-style field paths ({@code line_items.0.unit_price}). */
final class FieldPaths {

    private FieldPaths() {
    }

    static String of(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                parts.add(String.valueOf(node.getIndex()));
            } else if (node.isInIterable() && node.getKey() != null) {
                parts.add(String.valueOf(node.getKey()));
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                parts.add(snake(node.getName()));
            }
        }
        if (parts.isEmpty()) {
            return parameter == null ? "body" : snake(parameter);
        }
        return String.join(".", parts);
    }

    static String of(JsonMappingException e) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference ref : e.getPath()) {
            parts.add(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
        }
        return parts.isEmpty() ? "body" : String.join(".", parts);
    }

    /** The name a message starts with: the last field, or the whole path for a list item ("scopes.1"). */
    static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        if (dot < 0) {
            return path;
        }
        String last = path.substring(dot + 1);
        return last.chars().allMatch(Character::isDigit) ? path : last;
    }

    /** What the client should have sent, in words: "a number", "a valid ISO date (YYYY-MM-DD)". */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class
                || type == float.class || type == short.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == UUID.class) {
            return "a valid UUID";
        }
        if (type == java.time.LocalDate.class) {
            return "a valid ISO date (YYYY-MM-DD)";
        }
        if (TemporalAccessor.class.isAssignableFrom(type)) {
            return "a valid ISO 8601 date-time";
        }
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                names.add(constant.toString().toLowerCase());
            }
            return "one of: " + String.join(", ", names);
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a valid value";
    }

    static String snake(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
