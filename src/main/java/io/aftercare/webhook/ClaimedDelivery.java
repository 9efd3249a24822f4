package io.aftercare.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One claim of one delivery: the event to send, where, and with which secrets. A delivery claimed again after its
 * lease ran out is another claim, with another {@code attempt}.
 *
 * @param secrets the endpoint's secret, and the one it replaced while that still signs
 * @param leaseEnds when another node may take the delivery over, unless the claim is renewed
 */
record ClaimedDelivery(
        UUID deliveryId,
        int attempt,
        Instant giveUpAt,
        String eventId,
        String payload,
        UUID endpointId,
        String url,
        List<WebhookSecret> secrets,
        String claimedBy,
        Instant leaseEnds) {}
