package org.mltrading.query.news;

/** NEWS: an article or wire story; SOCIAL: a social-media post. */
public enum NewsKind {
    NEWS, SOCIAL
}
