package org.mltrading.ui.compliance;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Event types by their business names: the officer types "OrderFilled", "order filled" or
 * "OrderFilledEvent" and reads "Order filled"; the store keeps the Java name {@code OrderFilledEvent}.
 */
public final class EventTypes {

    private static final String SUFFIX = "Event";

    private EventTypes() {
    }

    /** "OrderFilledEvent" → "Order filled". */
    public static String label(String storedType) {
        if (storedType == null) {
            return "";
        }
        String name = storedType.endsWith(SUFFIX) && storedType.length() > SUFFIX.length()
                ? storedType.substring(0, storedType.length() - SUFFIX.length()) : storedType;
        return AsOfComparison.words(name);
    }

    /**
     * The stored names a typed list means. Names are separated by commas or semicolons; words inside
     * one name are joined ("order filled" → OrderFilledEvent), so "OrderPlaced OrderFilled" is read
     * as two names only when each is already one word in CamelCase.
     */
    public static List<String> storedNames(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String part : typed.split("[,;]")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] words = trimmed.split("[\\s_-]+");
            boolean allCamel = words.length > 1 && Arrays.stream(words)
                    .allMatch(word -> Character.isUpperCase(word.charAt(0)) && word.chars().anyMatch(Character::isLowerCase)
                            && word.chars().skip(1).anyMatch(Character::isUpperCase));
            if (allCamel) {
                Arrays.stream(words).map(EventTypes::storedName).forEach(names::add);
            } else {
                names.add(storedName(String.join("", Arrays.stream(words).map(EventTypes::capitalised).toList())));
            }
        }
        return List.copyOf(names);
    }

    private static String storedName(String name) {
        return name.endsWith(SUFFIX) ? name : name + SUFFIX;
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
