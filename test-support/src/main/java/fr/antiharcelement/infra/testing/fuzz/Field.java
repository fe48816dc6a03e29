package fr.antiharcelement.infra.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** A field of a body schema: its path from the root, its schema and whether its object requires it. */
record Field(List<String> path, String name, JsonNode schema, JsonNode resolved, boolean required) {
}
