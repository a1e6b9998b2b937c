package ng.risiti.customer.verifications.domain;

/** A provider's answer: the number is registered (with the registered name, where the provider gives one) or not. */
public record ProviderAnswer(boolean registered, String registeredName) {
}
