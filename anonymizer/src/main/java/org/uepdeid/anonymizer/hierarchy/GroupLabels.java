package org.uepdeid.anonymizer.hierarchy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uepdeid.anonymizer.hierarchy.HierarchySpec.OrderedGroups.Group;

/** The checked index of an {@link HierarchySpec.OrderedGroups} spec: which group each member belongs to per level. */
final class GroupLabels {

    /** parentAt.get(k): member at level k (0 = base value) → its group label at level k + 1. */
    private final List<Map<String, String>> parentAt;
    /** Base members in the order the spec lists them, which becomes the row order. */
    private final Map<String, Integer> rank;
    /** Label for base values no group lists, or null if such values are an error. */
    private final String other;

    /**
     * Indexes the levels and checks them: a member is in one group per level, every group of a level is a member at
     * the next, and a member above level 1 is a group (or the {@code other} label) of the level below.
     *
     * @throws IllegalArgumentException naming the level, the group and the member that break this
     */
    GroupLabels(List<List<Group>> levels, String other) {
        this.other = other;
        this.parentAt = new ArrayList<>(levels.size());
        Set<String> groupsBelow = Set.of();
        for (int k = 0; k < levels.size(); k++) {
            int level = k + 1;
            Map<String, String> parent = new LinkedHashMap<>();
            Set<String> groups = new LinkedHashSet<>();
            for (Group group : levels.get(k)) {
                if (!groups.add(group.label())) {
                    throw new IllegalArgumentException("levels: group '" + group.label() + "' appears twice at level "
                            + level);
                }
                for (String member : group.members()) {
                    String previous = parent.putIfAbsent(member, group.label());
                    if (previous != null) {
                        throw new IllegalArgumentException("levels: '" + member + "' is in two groups at level "
                                + level + ": '" + previous + "' and '" + group.label() + "'");
                    }
                }
            }
            if (k > 0) {
                checkLinks(groupsBelow, parent.keySet(), level);
            }
            parentAt.add(parent);
            groupsBelow = groups;
        }
        this.rank = new HashMap<>();
        for (String member : parentAt.get(0).keySet()) {
            rank.put(member, rank.size());
        }
    }

    /** The groups of one level and the members of the next must match, else a typo silently drops a branch. */
    private void checkLinks(Set<String> groupsBelow, Set<String> members, int level) {
        for (String member : members) {
            if (!groupsBelow.contains(member) && !member.equals(other)) {
                throw new IllegalArgumentException("levels: level " + level + " lists '" + member
                        + "', which is no group at level " + (level - 1)
                        + (other == null ? "" : " and not the other label '" + other + "'"));
            }
        }
        for (String group : groupsBelow) {
            if (!members.contains(group)) {
                throw new IllegalArgumentException("levels: group '" + group + "' of level " + (level - 1)
                        + " is in no group at level " + level);
            }
        }
    }

    /** Returns a base value this spec can label, that is a listed one, or any if there is an other label. */
    String accept(String value) {
        if (other == null && !rank.containsKey(value)) {
            throw new DomainRows.Rejected("is in no level-1 group; add it to a group, or set 'other'");
        }
        return value;
    }

    /** The base members in the order the spec lists them. */
    List<String> members() {
        return List.copyOf(parentAt.get(0).keySet());
    }

    /** Where a base value comes in the row order: listed members in spec order, then the others. */
    int rank(String value) {
        return rank.getOrDefault(value, rank.size());
    }

    List<String> labels(String value) {
        List<String> labels = new ArrayList<>(parentAt.size());
        String label = value;
        for (Map<String, String> parent : parentAt) {
            // Only the other label can be missing here (the constructor checked every group has a parent); it keeps
            // its name until a level groups it or the root takes it.
            label = parent.getOrDefault(label, other);
            labels.add(label);
        }
        return labels;
    }
}
