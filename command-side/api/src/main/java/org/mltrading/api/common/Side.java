package org.mltrading.api.common;

/** Direction of an order: BUY increases the position, SELL decreases it. */
public enum Side { BUY, SELL }
