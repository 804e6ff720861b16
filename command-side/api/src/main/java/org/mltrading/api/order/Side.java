package org.mltrading.api.order;

/** Direction of an order: BUY increases the position, SELL decreases it. */
public enum Side { BUY, SELL }
