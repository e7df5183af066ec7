package org.telehealth.recording.webm;

import java.util.ArrayList;
import java.util.List;

/** Walks EBML for tests: the elements between two offsets, each with its ID, where its data is and how long. */
final class EbmlReader {

    record Element(int id, long position, long dataPosition, long size) {

        long end() {
            return dataPosition + size;
        }
    }

    private EbmlReader() {
    }

    /** The elements from {@code from} to {@code to}; one of unknown size runs to {@code to}; stops at a cut element. */
    static List<Element> children(byte[] file, long from, long to) {
        List<Element> elements = new ArrayList<>();
        long position = from;
        while (position < to) {
            int first = file[(int) position] & 0xFF;
            int idLength = Integer.numberOfLeadingZeros(first) - 23;
            int id = 0;
            for (int i = 0; i < idLength; i++) {
                id = id << 8 | file[(int) position + i] & 0xFF;
            }
            int sizeFirst = file[(int) position + idLength] & 0xFF;
            int sizeLength = Integer.numberOfLeadingZeros(sizeFirst) - 23;
            long size = sizeFirst & (0xFF >> sizeLength);
            boolean unknown = size == (0xFF >> sizeLength);
            for (int i = 1; i < sizeLength; i++) {
                int b = file[(int) position + idLength + i] & 0xFF;
                unknown &= b == 0xFF;
                size = size << 8 | b;
            }
            long data = position + idLength + sizeLength;
            if (unknown) {
                size = to - data;
            }
            elements.add(new Element(id, position, data, size));
            position = data + size;
        }
        return elements;
    }

    static long uint(byte[] file, Element element) {
        long value = 0;
        for (long i = element.dataPosition(); i < element.end(); i++) {
            value = value << 8 | file[(int) i] & 0xFF;
        }
        return value;
    }
}
