package io.streamdingo.hashing.processor;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/**
 * Walks an attributed class and records each method and field with its normalised source and the methods
 * and fields it uses (calls, constructor calls, method references, field reads).
 */
final class MemberReader extends TreePathScanner<Void, Void> {

    private final Trees trees;
    private final MemberKeys keys;
    private final Map<String, SourceMember> members;

    MemberReader(Trees trees, MemberKeys keys, Map<String, SourceMember> members) {
        this.trees = trees;
        this.keys = keys;
        this.members = members;
    }

    @Override
    public Void visitMethod(MethodTree tree, Void unused) {
        record(tree);
        return super.visitMethod(tree, unused);
    }

    @Override
    public Void visitVariable(VariableTree tree, Void unused) {
        Element element = trees.getElement(getCurrentPath());
        if (element != null && element.getKind().isField()) {
            record(tree);
        }
        return super.visitVariable(tree, unused);
    }

    private void record(Tree tree) {
        Element element = trees.getElement(getCurrentPath());
        String key = element == null ? null : keys.memberKey(element);
        if (key == null) {
            return;
        }
        Set<String> uses = new TreeSet<>();
        new UseCollector(uses).scan(getCurrentPath(), null);
        uses.remove(key);
        members.put(key, new SourceMember(tree.toString(), uses));
    }

    /** Collects what a member's code refers to; the closure later keeps only members of this compilation. */
    private final class UseCollector extends TreePathScanner<Void, Void> {
        private final Set<String> uses;

        UseCollector(Set<String> uses) {
            this.uses = uses;
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
            use(getCurrentPath());
            return super.visitMethodInvocation(tree, unused);
        }

        @Override
        public Void visitNewClass(NewClassTree tree, Void unused) {
            use(getCurrentPath());
            return super.visitNewClass(tree, unused);
        }

        @Override
        public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
            use(getCurrentPath());
            return super.visitMemberReference(tree, unused);
        }

        @Override
        public Void visitIdentifier(IdentifierTree tree, Void unused) {
            use(getCurrentPath());
            return super.visitIdentifier(tree, unused);
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
            use(getCurrentPath());
            return super.visitMemberSelect(tree, unused);
        }

        private void use(TreePath path) {
            Element element = trees.getElement(path);
            if (element instanceof ExecutableElement
                    || element instanceof VariableElement variable
                            && (variable.getKind().isField() || variable.getKind() == ElementKind.ENUM_CONSTANT)) {
                String key = keys.memberKey(element);
                if (key != null) {
                    uses.add(key);
                }
            }
        }
    }
}
