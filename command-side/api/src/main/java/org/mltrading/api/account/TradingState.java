package org.mltrading.api.account;

/** Kill switch: HALTED refuses every new order; REDUCE_ONLY accepts only orders that shrink a position. */
public enum TradingState { ACTIVE, HALTED, REDUCE_ONLY }
