package dev.investigator.sandbox;

import java.time.Duration;
import java.util.List;

/**
 * Which Sentry issues each scripted service has. checkout gets a NEW payment-gateway timeout issue a minute
 * after the onset plus two old steady issues; search one old steady issue; catalog an old issue that spikes
 * (escalating) with the surge; payment one old quiet issue; inventory and unknown services none.
 */
final class IssueScripts {

    List<IssueScript> forService(String service) {
        return switch (service) {
            case "checkout" -> List.of(
                    new IssueScript(3, "1F3", "PaymentGatewayTimeoutError",
                            "upstream payment-gateway timed out after 3000ms",
                            "checkout.payment.client in authorize", "error", "checkout/payment/client.py",
                            "authorize", Duration.ofSeconds(77), 0, 65, 0.55, "new", "checkout@3.8.1", false),
                    new IssueScript(1, "1A2", "InvalidCouponError", "coupon code SPRING24 has expired",
                            "checkout.coupons in apply", "error", "checkout/coupons.py", "apply",
                            Duration.ofDays(-41).minusHours(3), 3, 3, 0.9, "ongoing", "checkout@3.6.0", false),
                    new IssueScript(2, "19Z", "AddressValidationError",
                            "postal code 100-0001 does not match prefecture", "checkout.address in validate",
                            "warning", "checkout/address.py", "validate", Duration.ofDays(-97).minusHours(8),
                            1.2, 1.2, 0.95, "ongoing", "checkout@3.2.0", false));
            case "search" -> List.of(
                    new IssueScript(1, "2C7", "QueryParseError", "unexpected token ')' at position 14",
                            "search.query.parser in parse", "error", "search/query/parser.py", "parse",
                            Duration.ofDays(-22).minusHours(4), 2, 2, 0.8, "ongoing", "search@2.11.0", false));
            case "catalog" -> List.of(
                    new IssueScript(1, "4K", "ProvisionedThroughputExceededException",
                            "The level of configured provisioned throughput for the table was exceeded.",
                            "catalog.repository.items in get_item", "error", "catalog/repository/items.py",
                            "get_item", Duration.ofDays(-63).minusHours(1), 0.4, 55, 0.5, "escalating",
                            "catalog@5.0.3", false),
                    new IssueScript(2, "3Q", "ThumbnailNotFoundError", "no thumbnail for item 48213",
                            "catalog.images in thumbnail_url", "warning", "catalog/images.py", "thumbnail_url",
                            Duration.ofDays(-12).minusHours(6), 1.5, 1.5, 0.7, "ongoing", "catalog@5.1.0", false));
            case "payment" -> List.of(
                    new IssueScript(1, "2K", "CardDeclinedError", "card was declined (insufficient_funds)",
                            "payment.charges in create", "warning", "payment/charges.py", "create",
                            Duration.ofDays(-150), 0.8, 0.8, 0.97, "ongoing", "payment@1.19.0", false));
            default -> List.of();
        };
    }
}
