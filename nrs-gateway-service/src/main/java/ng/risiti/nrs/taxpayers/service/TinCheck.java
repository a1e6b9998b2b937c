package ng.risiti.nrs.taxpayers.service;

/** NRS's answer about a TIN: registered or not, and the taxpayer's name when it is. */
public record TinCheck(String tin, boolean registered, String taxpayerName) {
}
