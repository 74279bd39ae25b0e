"""One-off probe: attention kernels (SDPA with boolean/additive masks, eager) at ~30 tokens per comment,
bf16 and fp32, milliseconds per call.
Run: python benchmarks/probes/attention.py
"""
import torch, time
torch.manual_seed(0)
B,H,L,D=70,12,30,32
for dt in (torch.bfloat16, torch.float32):
    q=torch.randn(B,H,L,D,dtype=dt);k=torch.randn(B,H,L,D,dtype=dt);v=torch.randn(B,H,L,D,dtype=dt)
    lens=torch.randint(20,31,(B,))
    keep=(torch.arange(L)[None,:]<lens[:,None])
    boolmask=keep[:,None,None,:]
    addmask=torch.zeros(B,1,1,L,dtype=dt).masked_fill(~boolmask, torch.finfo(dt).min)
    addmask_full=addmask.expand(B,1,L,L).contiguous()
    def t(f,n=50):
        with torch.inference_mode():
            for _ in range(5): f()
            s=time.perf_counter()
            for _ in range(n): f()
            return (time.perf_counter()-s)/n*1e3
    F=torch.nn.functional.scaled_dot_product_attention
    print(dt, "sdpa bool", round(t(lambda:F(q,k,v,attn_mask=boolmask)),3),
      "sdpa add", round(t(lambda:F(q,k,v,attn_mask=addmask)),3),
      "sdpa add full", round(t(lambda:F(q,k,v,attn_mask=addmask_full)),3),
      "sdpa nomask", round(t(lambda:F(q,k,v)),3),
      "eager", round(t(lambda:torch.softmax((q@k.transpose(-1,-2))*D**-0.5+addmask,-1)@v),3))
print(torch.__version__, torch.get_num_threads())
