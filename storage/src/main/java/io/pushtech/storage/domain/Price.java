package io.pushtech.storage.domain;

import java.util.regex.Pattern;

/** An offer's price: a non-negative amount in an ISO 4217 currency. */
public record Price(double amount, String currency) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public Price {
        if (!(amount >= 0 && amount < 1e12)) {
            throw new InvalidItemException("out_of_range", "price.amount must be between 0 and 10^12", "price.amount");
        }
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new InvalidItemException(
                    "invalid", "price.currency must be three capital letters (ISO 4217)", "price.currency");
        }
    }
}
