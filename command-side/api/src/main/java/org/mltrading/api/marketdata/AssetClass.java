package org.mltrading.api.marketdata;

/** Kind of instrument; decides trading hours and conventions (all simulated 24/7 in the local profile). */
public enum AssetClass { EQUITY, ETF, CRYPTO, FX }
