package ng.risiti.platform.openapi;

import io.smallrye.openapi.api.OperationIdGenerator;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.MethodInfo;

/**
 * Operation ids for methods without {@code @Operation(operationId)}: the method name, followed by the resource's name
 * when the method does not already say it ({@code CustomerResource.list} is {@code listCustomer},
 * {@code InvoiceResource.finalizeInvoice} stays {@code finalizeInvoice}). Generated clients name their methods so;
 * the merged document's test checks they are unique across services (docs/api-documents.md).
 */
public final class OperationIds implements OperationIdGenerator {

    @Override
    public String generateOperationId(ClassInfo resource, MethodInfo method) {
        String stem = resource.simpleName().replaceAll("(Resource|Endpoint)$", "");
        String name = method.name();
        return name.toLowerCase().contains(stem.toLowerCase()) ? name : name + stem;
    }
}
