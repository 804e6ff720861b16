package org.mltrading.api.order;

/** How long an order works: DAY expires at 00:00 UTC, GTD at its expireAt, IOC/FOK never rest. */
public enum TimeInForce { DAY, GTC, IOC, FOK, GTD }
