package ng.risiti.platform.rest;

/** The API reference's confirmation body for actions without a resource to return: {@code {"data":{"message":"..."}}}. */
public record Message(String message) {

    public static Data<Message> of(String message) {
        return Data.of(new Message(message));
    }
}
