package org.mltrading.api.alert;

/** Which crossing of the level fires a PRICE_CROSS alert: upwards, downwards or either. */
public enum AlertDirection { UP, DOWN, EITHER }
