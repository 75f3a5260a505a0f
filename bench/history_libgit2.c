/*
 * The libgit2 side of planfolio's history-reader comparison (docs/history.md,
 * "libgit2 or one git process"): what `git log -z --raw -M --no-abbrev --
 * PREFIX` gives planfolio, made with libgit2 instead, then every blob of
 * those changes read, as `git cat-file --batch` does.
 *
 *   cc -O2 -o history_libgit2 bench/history_libgit2.c $(pkg-config --cflags --libs libgit2)
 *   ./history_libgit2 REPO PREFIX [--blobs]
 *
 * Walks the commits reachable from HEAD (newest first), diffs each against
 * its first parent restricted to PREFIX, finds renames (libgit2's
 * git_diff_find_similar, git's -M), and prints one line per change, so its
 * work matches the git process's. With --blobs it also reads every blob
 * the changes name. Needs Debian's libgit2-dev; planfolio itself does not
 * link libgit2 (the numbers chose the git process).
 */
#include <git2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void check(int error, const char *what) {
    if (error < 0) {
        const git_error *e = git_error_last();
        fprintf(stderr, "%s: %s\n", what, e ? e->message : "error");
        exit(1);
    }
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s REPO PREFIX [--blobs]\n", argv[0]);
        return 2;
    }
    int blobs = argc > 3 && strcmp(argv[3], "--blobs") == 0;
    git_libgit2_init();
    git_repository *repo;
    check(git_repository_open(&repo, argv[1]), "open");
    git_revwalk *walk;
    check(git_revwalk_new(&walk, repo), "revwalk");
    git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
    check(git_revwalk_push_head(walk), "push HEAD");

    char *paths[] = {argv[2]};
    git_diff_options options = GIT_DIFF_OPTIONS_INIT;
    options.pathspec.strings = paths;
    options.pathspec.count = 1;
    git_diff_find_options similar = GIT_DIFF_FIND_OPTIONS_INIT;
    similar.flags = GIT_DIFF_FIND_RENAMES;

    git_oid oid;
    long commits = 0, changes = 0, bytes = 0;
    while (git_revwalk_next(&oid, walk) == 0) {
        git_commit *commit;
        check(git_commit_lookup(&commit, repo, &oid), "commit");
        git_tree *tree = NULL, *parentTree = NULL;
        check(git_commit_tree(&tree, commit), "tree");
        if (git_commit_parentcount(commit) > 0) {
            git_commit *parent;
            check(git_commit_parent(&parent, commit, 0), "parent");
            check(git_commit_tree(&parentTree, parent), "parent tree");
            git_commit_free(parent);
        }
        git_diff *diff;
        check(git_diff_tree_to_tree(&diff, repo, parentTree, tree, &options), "diff");
        check(git_diff_find_similar(diff, &similar), "renames");
        size_t count = git_diff_num_deltas(diff);
        if (count > 0) {
            commits++;
            const git_signature *author = git_commit_author(commit);
            char id[GIT_OID_HEXSZ + 1];
            git_oid_tostr(id, sizeof id, &oid);
            printf("%s %s %lld %s\n", id, author->name, (long long)author->when.time, git_commit_summary(commit));
        }
        for (size_t i = 0; i < count; i++) {
            const git_diff_delta *delta = git_diff_get_delta(diff, i);
            char old[GIT_OID_HEXSZ + 1], new[GIT_OID_HEXSZ + 1];
            git_oid_tostr(old, sizeof old, &delta->old_file.id);
            git_oid_tostr(new, sizeof new, &delta->new_file.id);
            printf(":%c %s %s %s %s\n", git_diff_status_char(delta->status), old, new,
                   delta->old_file.path, delta->new_file.path);
            changes++;
            if (blobs) {
                const git_oid *ids[] = {&delta->old_file.id, &delta->new_file.id};
                for (int k = 0; k < 2; k++) {
                    if (git_oid_is_zero(ids[k])) continue;
                    git_blob *blob;
                    check(git_blob_lookup(&blob, repo, ids[k]), "blob");
                    bytes += (long)git_blob_rawsize(blob);
                    git_blob_free(blob);
                }
            }
        }
        git_diff_free(diff);
        git_tree_free(tree);
        git_tree_free(parentTree);
        git_commit_free(commit);
    }
    fprintf(stderr, "%ld commits, %ld changes, %ld blob bytes\n", commits, changes, bytes);
    git_revwalk_free(walk);
    git_repository_free(repo);
    git_libgit2_shutdown();
    return 0;
}
