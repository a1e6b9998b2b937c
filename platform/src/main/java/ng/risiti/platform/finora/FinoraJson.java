package ng.risiti.platform.finora;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.Type;
import java.util.function.BiFunction;

/**
 * The dialect's JSON: the service's own mapper (modules, dates, validation of unknown fields alike) with camelCase
 * names instead of the API's snake_case. A Finora resource names both on its class:
 *
 * <pre>
 * &#64;CustomSerialization(FinoraJson.Writer.class)
 * &#64;CustomDeserialization(FinoraJson.Reader.class)
 * </pre>
 */
public final class FinoraJson {

    private FinoraJson() {
    }

    static ObjectMapper camelCase(ObjectMapper api) {
        return api.copy().setPropertyNamingStrategy(PropertyNamingStrategies.LOWER_CAMEL_CASE);
    }

    public static final class Writer implements BiFunction<ObjectMapper, Type, ObjectWriter> {
        @Override
        public ObjectWriter apply(ObjectMapper api, Type type) {
            ObjectMapper camel = camelCase(api);
            return camel.writerFor(camel.constructType(type));
        }
    }

    public static final class Reader implements BiFunction<ObjectMapper, Type, ObjectReader> {
        @Override
        public ObjectReader apply(ObjectMapper api, Type type) {
            ObjectMapper camel = camelCase(api);
            return camel.readerFor(camel.constructType(type));
        }
    }
}
