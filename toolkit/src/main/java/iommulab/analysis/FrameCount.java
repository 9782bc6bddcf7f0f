package iommulab.analysis;

/**
 * One frame's share of a stack profile.
 *
 * @param inclusive samples whose stack contains the frame (once per stack, even when recursive)
 * @param self samples whose stack ends in the frame (the leaf: the traced function itself)
 */
public record FrameCount(String frame, long inclusive, long self) {}
