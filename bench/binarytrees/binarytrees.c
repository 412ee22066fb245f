/* binarytrees: C counterpart of binarytrees.t (same algorithm, same output). Benchmarks
 * Game binary-trees, single-threaded: one malloc per node, freed with free(). */
#include <stdio.h>
#include <stdlib.h>

typedef struct Node {
    struct Node *left, *right;
} Node;

static Node *bottom_up_tree(long depth) {
    Node *node = malloc(sizeof *node);
    if (!node) {
        perror("malloc");
        exit(1);
    }
    if (depth > 0) {
        node->left = bottom_up_tree(depth - 1);
        node->right = bottom_up_tree(depth - 1);
    } else {
        node->left = node->right = NULL;
    }
    return node;
}

/* The number of nodes in the tree. */
static long check(const Node *node) {
    long c = 1;
    if (node->left)
        c += check(node->left);
    if (node->right)
        c += check(node->right);
    return c;
}

static void delete_tree(Node *node) {
    if (node->left)
        delete_tree(node->left);
    if (node->right)
        delete_tree(node->right);
    free(node);
}

int main(int argc, char **argv) {
    (void)argv;
    long n = @N@ + argc - 1;
    long min_depth = 4;
    long max_depth = min_depth + 2 > n ? min_depth + 2 : n;

    long stretch_depth = max_depth + 1;
    Node *stretch = bottom_up_tree(stretch_depth);
    printf("stretch tree of depth %ld\t check: %ld\n", stretch_depth, check(stretch));
    delete_tree(stretch);

    Node *long_lived = bottom_up_tree(max_depth);

    for (long depth = min_depth; depth <= max_depth; depth += 2) {
        long iterations = 1L << (max_depth - depth + min_depth);
        long sum = 0;
        for (long i = 0; i < iterations; i++) {
            Node *tree = bottom_up_tree(depth);
            sum += check(tree);
            delete_tree(tree);
        }
        printf("%ld\t trees of depth %ld\t check: %ld\n", iterations, depth, sum);
    }

    printf("long lived tree of depth %ld\t check: %ld\n", max_depth, check(long_lived));
    delete_tree(long_lived);
    return 0;
}
